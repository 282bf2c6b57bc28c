using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Stratus.Lambda.Events;

namespace Stratus.Lambda.AspNetCore;

/// <summary>
/// HTTP API payload 2.0 (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html):
/// the raw path keeps the stage of a named stage, which becomes the PathBase; cookies travel outside the headers both ways.
/// </summary>
internal sealed class HttpApiV2Adapter : IApiGatewayEventAdapter
{
    public LambdaHttpRequest ReadRequest(ReadOnlySpan<byte> payload)
    {
        var request = JsonSerializer.Deserialize(payload, LambdaEventsJsonContext.Default.APIGatewayHttpApiV2ProxyRequest)
            ?? throw new InvalidDataException("The HTTP API event is null.");
        var context = request.RequestContext;
        var rawPath = string.IsNullOrEmpty(request.RawPath) ? "/" : request.RawPath;
        var (pathBase, path) = SplitStage(rawPath, context?.Stage);
        var query = string.IsNullOrEmpty(request.RawQueryString) ? "" : "?" + request.RawQueryString;
        var headers = request.Headers;
        var result = new LambdaHttpRequest
        {
            Event = request,
            Method = context?.Http?.Method ?? "GET",
            Protocol = context?.Http?.Protocol ?? "HTTP/1.1",
            Scheme = headers?.GetValueOrDefault("x-forwarded-proto") ?? "https",
            PathBase = PathString.FromUriComponent(pathBase),
            Path = PathString.FromUriComponent(path),
            QueryString = new QueryString(query),
            RawTarget = rawPath + query,
            Body = BodyEncoding.DecodeRequestBody(request.Body, request.IsBase64Encoded),
            RemoteIpAddress = IPAddress.TryParse(context?.Http?.SourceIp, out var ip) ? ip : null,
            TraceIdentifier = context?.RequestId,
            User = JwtPrincipal(context?.Authorizer?.Jwt),
        };

        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                result.Headers[name] = value;
            }
        }

        if (request.Cookies is { Count: > 0 } cookies)
        {
            result.Headers.Cookie = string.Join("; ", cookies);
        }

        if (result.Body.Length > 0 && !result.Headers.ContainsKey(HeaderNames.ContentLength))
        {
            result.Headers.ContentLength = result.Body.Length;
        }

        if (!result.Headers.ContainsKey(HeaderNames.Host) && context?.DomainName is { } domain)
        {
            result.Headers.Host = domain;
        }

        return result;
    }

    public void WriteResponse(LambdaInvocation invocation, int statusCode, IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        var response = new APIGatewayHttpApiV2ProxyResponse { StatusCode = statusCode, Headers = [] };
        foreach (var (name, values) in headers)
        {
            if (string.Equals(name, HeaderNames.SetCookie, StringComparison.OrdinalIgnoreCase))
            {
                response.Cookies = [.. values.OfType<string>()];
            }
            else
            {
                response.Headers[name] = string.Join(", ", values.OfType<string>());
            }
        }

        (response.Body, response.IsBase64Encoded) = BodyEncoding.EncodeResponseBody(headers, body);
        using var writer = new Utf8JsonWriter(invocation.Response);
        JsonSerializer.Serialize(writer, response, LambdaEventsJsonContext.Default.APIGatewayHttpApiV2ProxyResponse);
    }

    // On a named stage of the execute-api endpoint the raw path starts with /{stage}; $default has no prefix.
    private static (string PathBase, string Path) SplitStage(string rawPath, string? stage)
    {
        if (string.IsNullOrEmpty(stage) || stage == "$default")
        {
            return ("", rawPath);
        }

        var prefix = "/" + stage;
        if (rawPath.Equals(prefix, StringComparison.Ordinal))
        {
            return (prefix, "/");
        }

        return rawPath.StartsWith(prefix + "/", StringComparison.Ordinal)
            ? (prefix, rawPath[prefix.Length..])
            : ("", rawPath);
    }

    private static ClaimsPrincipal? JwtPrincipal(HttpApiV2JwtDescription? jwt)
    {
        if (jwt?.Claims is not { Count: > 0 } claims)
        {
            return null;
        }

        var identity = new ClaimsIdentity(claims.Select(claim => new Claim(claim.Key, claim.Value)), AuthorizerIdentity.AuthenticationType);
        foreach (var scope in jwt.Scopes ?? [])
        {
            identity.AddClaim(new Claim("scope", scope));
        }

        return new ClaimsPrincipal(identity);
    }
}

/// <summary>The authentication type of principals built from an API Gateway authorizer's claims.</summary>
public static class AuthorizerIdentity
{
    /// <summary>The value of ClaimsIdentity.AuthenticationType for those principals.</summary>
    public const string AuthenticationType = "AuthorizerIdentity";
}
