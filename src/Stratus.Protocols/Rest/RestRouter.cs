using Microsoft.AspNetCore.Http;
using Stratus.Protocols.Model;

namespace Stratus.Protocols.Rest;

/// <summary>The operation a REST request names, with the URI labels it bound.</summary>
public sealed record RestMatch(OperationModel Operation, Dictionary<string, string> Labels);

/// <summary>
/// Matches REST requests to operations by the model's <c>http.requestUri</c> templates: literal segments,
/// <c>{Label}</c> and greedy <c>{Label+}</c>, and required query keys (<c>?versions</c>, <c>?list-type=2</c>).
/// The most specific template wins.
/// </summary>
public sealed class RestRouter
{
    private readonly Dictionary<string, Route[]> _byMethod;

    public RestRouter(ServiceModel model)
    {
        _byMethod = model.Operations.Values
            .Select(op => new Route(op))
            .GroupBy(r => r.Operation.Method, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Specificity).ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    public RestMatch? Match(string method, string path, IQueryCollection query)
    {
        if (!_byMethod.TryGetValue(method, out var routes)) return null;
        var segments = Split(path);
        foreach (var route in routes)
        {
            var labels = route.TryMatch(segments, query);
            if (labels is not null) return new RestMatch(route.Operation, labels);
        }
        return null;
    }

    internal static string[] Split(string path)
    {
        var trimmed = path.Trim('/');
        return trimmed.Length == 0 ? [] : trimmed.Split('/');
    }

    private sealed class Route
    {
        private readonly string[] _segments;
        private readonly (string Key, string? Value)[] _query;

        public Route(OperationModel op)
        {
            Operation = op;
            var uri = op.RequestUri;
            var q = uri.IndexOf('?', StringComparison.Ordinal);
            _segments = Split(q < 0 ? uri : uri[..q]);
            _query = q < 0
                ? []
                : uri[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
                    .Select(part => part.Split('=', 2))
                    .Select(kv => (kv[0], kv.Length > 1 ? kv[1] : (string?)null))
                    .ToArray();
            var literals = _segments.Count(s => !s.StartsWith('{'));
            var greedy = _segments.Any(s => s.EndsWith("+}", StringComparison.Ordinal));
            Specificity = literals * 100 + _segments.Length * 10 + _query.Length * 5 - (greedy ? 50 : 0);
        }

        public OperationModel Operation { get; }
        public int Specificity { get; }

        public Dictionary<string, string>? TryMatch(string[] path, IQueryCollection query)
        {
            foreach (var (key, value) in _query)
            {
                if (!query.TryGetValue(key, out var actual)) return null;
                if (value is not null && actual.ToString() != value) return null;
            }
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < _segments.Length; i++)
            {
                var template = _segments[i];
                if (template.StartsWith('{'))
                {
                    var greedy = template.EndsWith("+}", StringComparison.Ordinal);
                    var name = template[1..^(greedy ? 2 : 1)];
                    if (greedy)
                    {
                        if (i >= path.Length) return null;
                        labels[name] = Uri.UnescapeDataString(string.Join('/', path[i..]));
                        return labels;
                    }
                    if (i >= path.Length || path[i].Length == 0) return null;
                    labels[name] = Uri.UnescapeDataString(path[i]);
                }
                else if (i >= path.Length || !string.Equals(path[i], template, StringComparison.Ordinal))
                {
                    return null;
                }
            }
            return path.Length == _segments.Length ? labels : null;
        }
    }
}
