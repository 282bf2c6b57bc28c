using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Stratus.Protocols.Query;

/// <summary>The flat name/value parameters of an awsQuery request (URL query plus form body).</summary>
public sealed class QueryParameters
{
    private readonly Dictionary<string, string> _values;
    private HashSet<string>? _prefixes;

    public QueryParameters(Dictionary<string, string> values) => _values = values;

    public IReadOnlyDictionary<string, string> Values => _values;

    public string? Get(string name) => _values.TryGetValue(name, out var v) ? v : null;

    /// <summary>True when a parameter named <paramref name="prefix"/> or starting with "prefix." exists.</summary>
    public bool HasPrefix(string prefix)
    {
        _prefixes ??= BuildPrefixes();
        return _prefixes.Contains(prefix);
    }

    private HashSet<string> BuildPrefixes()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in _values.Keys)
        {
            set.Add(key);
            for (var i = key.IndexOf('.', StringComparison.Ordinal); i > 0; i = key.IndexOf('.', i + 1))
            {
                set.Add(key[..i]);
            }
        }
        return set;
    }

    public static async ValueTask<QueryParameters> ReadAsync(HttpRequest request, int limit)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query) values[key] = value.ToString();
        if (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method))
        {
            using var body = await BodyBuffer.ReadAsync(request, limit, request.HttpContext.RequestAborted).ConfigureAwait(false);
            if (body.Length > 0)
            {
                var text = Encoding.UTF8.GetString(body.Span);
                foreach (var (key, value) in QueryHelpers.ParseQuery(text)) values[key] = value.ToString();
            }
        }
        return new QueryParameters(values);
    }
}
