using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Stratus.Lambda.Events;

namespace Stratus.Lambda.AspNetCore;

/// <summary>
/// REST API payload 1.0 (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html):
/// <c>path</c> lacks the stage that requestContext.path carries, and the difference becomes the PathBase (also for
/// custom-domain base path mappings). Multi-value maps win over single-value ones both ways.
/// </summary>
internal sealed class RestApiAdapter : IApiGatewayEventAdapter
{
    public LambdaHttpRequest ReadRequest(ReadOnlySpan<byte> payload)
    {
        var request = JsonSerializer.Deserialize(payload, LambdaEventsJsonContext.Default.APIGatewayProxyRequest)
            ?? throw new InvalidDataException("The REST API event is null.");
        var context = request.RequestContext;
        var path = string.IsNullOrEmpty(request.Path) ? "/" : request.Path;
        var pathBase = PathBaseOf(context?.Path, path);
        var query = BuildQuery(request);
        var result = new LambdaHttpRequest
        {
            Event = request,
            Method = request.HttpMethod ?? context?.HttpMethod ?? "GET",
            Protocol = context?.Protocol ?? "HTTP/1.1",
            Scheme = HeaderValue(request, "X-Forwarded-Proto") ?? "https",
            PathBase = PathString.FromUriComponent(pathBase),
            Path = PathString.FromUriComponent(path),
            QueryString = new QueryString(query),
            RawTarget = pathBase + path + query,
            Body = BodyEncoding.DecodeRequestBody(request.Body, request.IsBase64Encoded),
            RemoteIpAddress = IPAddress.TryParse(context?.Identity?.SourceIp, out var ip) ? ip : null,
            TraceIdentifier = context?.RequestId,
            User = ClaimsPrincipalOf(context?.Authorizer),
        };

        if (request.MultiValueHeaders is { Count: > 0 } multi)
        {
            foreach (var (name, values) in multi)
            {
                result.Headers[name] = new StringValues([.. values]);
            }
        }
        else if (request.Headers is not null)
        {
            foreach (var (name, value) in request.Headers)
            {
                result.Headers[name] = value;
            }
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
        var response = new APIGatewayProxyResponse { StatusCode = statusCode, Headers = [], MultiValueHeaders = [] };
        foreach (var (name, values) in headers)
        {
            var list = values.OfType<string>().ToList();
            response.MultiValueHeaders[name] = list;
            if (list.Count == 1 && !string.Equals(name, HeaderNames.SetCookie, StringComparison.OrdinalIgnoreCase))
            {
                response.Headers[name] = list[0];
            }
        }

        (response.Body, response.IsBase64Encoded) = BodyEncoding.EncodeResponseBody(headers, body);
        using var writer = new Utf8JsonWriter(invocation.Response);
        JsonSerializer.Serialize(writer, response, LambdaEventsJsonContext.Default.APIGatewayProxyResponse);
    }

    private static string PathBaseOf(string? fullPath, string path)
    {
        if (string.IsNullOrEmpty(fullPath) || !fullPath.StartsWith('/'))
        {
            return "";
        }

        if (path == "/")
        {
            // The root arrives as "/prod/" (or "/" on a custom domain without a base path).
            return fullPath.TrimEnd('/');
        }

        return fullPath.Length > path.Length && fullPath.EndsWith(path, StringComparison.Ordinal)
            ? fullPath[..^path.Length]
            : "";
    }

    private static string BuildQuery(APIGatewayProxyRequest request)
    {
        var builder = new StringBuilder();
        if (request.MultiValueQueryStringParameters is { Count: > 0 } multi)
        {
            foreach (var (name, values) in multi)
            {
                foreach (var value in values)
                {
                    Append(builder, name, value);
                }
            }
        }
        else if (request.QueryStringParameters is not null)
        {
            foreach (var (name, value) in request.QueryStringParameters)
            {
                Append(builder, name, value);
            }
        }

        return builder.ToString();

        static void Append(StringBuilder builder, string name, string value) =>
            builder.Append(builder.Length == 0 ? '?' : '&')
                .Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }

    private static string? HeaderValue(APIGatewayProxyRequest request, string name)
    {
        foreach (var (key, values) in request.MultiValueHeaders ?? [])
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && values.Count > 0)
            {
                return values[^1];
            }
        }

        foreach (var (key, value) in request.Headers ?? [])
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    // A Cognito user-pool authorizer passes the token's claims; a Lambda authorizer its principalId and context.
    private static ClaimsPrincipal? ClaimsPrincipalOf(ProxyRequestAuthorizer? authorizer)
    {
        if (authorizer is null)
        {
            return null;
        }

        var claims = new List<Claim>();
        foreach (var (name, value) in authorizer.Claims ?? [])
        {
            claims.Add(new Claim(name, value));
        }

        if (authorizer.PrincipalId is { } principal)
        {
            claims.Add(new Claim(ClaimTypes.NameIdentifier, principal));
        }

        foreach (var (name, value) in authorizer.Context ?? [])
        {
            if (value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            {
                claims.Add(new Claim(name, value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()));
            }
        }

        return claims.Count == 0 ? null : new ClaimsPrincipal(new ClaimsIdentity(claims, AuthorizerIdentity.AuthenticationType));
    }
}
