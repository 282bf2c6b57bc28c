using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Stratus.Protocols;
using Stratus.Protocols.SigV4;

namespace Stratus.Server.Edge;

/// <summary>The service, protocol and (for JSON) operation a request addresses.</summary>
internal readonly record struct RouteResult(IAwsService? Service, WireProtocol Protocol, string? TargetOperation);

/// <summary>
/// Finds the service a request is for, the way AWS's endpoints and SDKs make it recognisable: the virtual host,
/// X-Amz-Target, the form-encoded Action of query services, the SigV4 signing name, and the path.
/// </summary>
internal sealed class ServiceRouter
{
    private readonly IAwsService[] _hostClaims;
    private readonly FrozenDictionary<string, IAwsService> _byTarget;
    private readonly FrozenDictionary<string, IAwsService[]> _bySigningName;
    private readonly FrozenDictionary<string, IAwsService> _byQueryVersion;
    private readonly (string Prefix, IAwsService Service)[] _byPath;
    private readonly IAwsService? _fallback;

    public ServiceRouter(IEnumerable<IAwsService> services)
    {
        var all = services.ToArray();
        _hostClaims = all.Where(s => s.Routing.ClaimsHost is not null).ToArray();
        _byTarget = all.SelectMany(s => s.Routing.TargetPrefixes.Select(p => KeyValuePair.Create(p, s))).ToFrozenDictionary(StringComparer.Ordinal);
        _bySigningName = all.SelectMany(s => s.Routing.SigningNames.Select(n => (n, s)))
            .GroupBy(p => p.n, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.s).ToArray(), StringComparer.Ordinal);
        _byQueryVersion = all.Where(s => s.Routing.QueryVersion is not null)
            .ToFrozenDictionary(s => s.Routing.QueryVersion!, s => s, StringComparer.Ordinal);
        _byPath = all.SelectMany(s => s.Routing.PathPrefixes.Select(p => (p, s))).OrderByDescending(p => p.p.Length).ToArray();
        _fallback = all.FirstOrDefault(s => s.Routing.IsFallback);
    }

    public RouteResult Route(HttpRequest request, SigV4Request? signature)
    {
        foreach (var service in _hostClaims)
        {
            if (service.Routing.ClaimsHost!(request)) return new RouteResult(service, RestProtocolOf(service), null);
        }
        var target = request.Headers["X-Amz-Target"].ToString();
        if (target.Length > 0)
        {
            var dot = target.LastIndexOf('.');
            var prefix = dot < 0 ? target : target[..dot];
            var operation = dot < 0 ? "" : target[(dot + 1)..];
            return new RouteResult(_byTarget.GetValueOrDefault(prefix), WireProtocol.Json, operation);
        }
        if (IsQuery(request))
        {
            var byName = SigningService(signature, request);
            if (byName?.Routing.QueryVersion is not null) return new RouteResult(byName, WireProtocol.Query, null);
            var version = request.Query["Version"].ToString();
            if (version.Length > 0 && _byQueryVersion.TryGetValue(version, out var byVersion)) return new RouteResult(byVersion, WireProtocol.Query, null);
            if (byName is not null) return new RouteResult(byName, WireProtocol.Query, null);
            // Form bodies carry Version too; the service reads it with the rest of the parameters.
            if (_byQueryVersion.Count == 1) return new RouteResult(_byQueryVersion.Values[0], WireProtocol.Query, null);
        }
        var rest = SigningService(signature, request) ?? PathService(request.Path.Value ?? "/") ?? _fallback;
        return new RouteResult(rest, rest is null ? WireProtocol.RestJson : RestProtocolOf(rest), null);
    }

    private IAwsService? SigningService(SigV4Request? signature, HttpRequest request)
    {
        if (signature is null || !_bySigningName.TryGetValue(signature.Service, out var candidates)) return null;
        if (candidates.Length == 1) return candidates[0];
        return PathService(request.Path.Value ?? "/", candidates) ?? candidates[0];
    }

    private IAwsService? PathService(string path, IAwsService[]? among = null)
    {
        foreach (var (prefix, service) in _byPath)
        {
            if (among is not null && Array.IndexOf(among, service) < 0) continue;
            if (path.StartsWith(prefix, StringComparison.Ordinal)) return service;
        }
        return null;
    }

    private static bool IsQuery(HttpRequest request)
    {
        if (request.Query.ContainsKey("Action")) return true;
        return HttpMethods.IsPost(request.Method) &&
               request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
    }

    private static WireProtocol RestProtocolOf(IAwsService service) => service.Routing.RestProtocol ?? WireProtocol.RestJson;
}
