using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Stratus.Lambda.AspNetCore;

/// <summary>An API Gateway event decoded into HTTP terms, independent of the payload version.</summary>
internal sealed class LambdaHttpRequest
{
    public required object Event { get; init; }

    public required string Method { get; init; }

    public string Protocol { get; init; } = "HTTP/1.1";

    public string Scheme { get; init; } = "https";

    public PathString PathBase { get; init; }

    public PathString Path { get; init; }

    public QueryString QueryString { get; init; }

    public required string RawTarget { get; init; }

    public IHeaderDictionary Headers { get; } = new HeaderDictionary();

    public byte[] Body { get; init; } = [];

    public IPAddress? RemoteIpAddress { get; init; }

    public string? TraceIdentifier { get; init; }

    public ClaimsPrincipal? User { get; init; }
}

/// <summary>Turns one payload version into a <see cref="LambdaHttpRequest"/> and a response back into JSON.</summary>
internal interface IApiGatewayEventAdapter
{
    LambdaHttpRequest ReadRequest(ReadOnlySpan<byte> payload);

    void WriteResponse(LambdaInvocation invocation, int statusCode, IHeaderDictionary headers, ReadOnlySpan<byte> body);
}
