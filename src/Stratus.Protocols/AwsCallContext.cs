using Microsoft.AspNetCore.Http;

namespace Stratus.Protocols;

/// <summary>Who is calling which operation, where: the scope every service operation runs in.</summary>
public sealed class AwsCallContext
{
    public AwsCallContext(string requestId, string accountId, string region, string service, string operation)
    {
        RequestId = requestId;
        AccountId = accountId;
        Region = region;
        Service = service;
        Operation = operation;
    }

    public string RequestId { get; }
    public string AccountId { get; }
    public string Region { get; }
    public string Service { get; }
    public string Operation { get; set; }

    /// <summary>The HTTP exchange when the call came over the wire; null for calls between services.</summary>
    public HttpContext? Http { get; init; }

    /// <summary>The access key id from the signature, when the request was signed.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>Set by operations whose successful response carries extra HTTP headers (rare).</summary>
    public Dictionary<string, string>? ResponseHeaders { get; set; }

    public CancellationToken Aborted => Http?.RequestAborted ?? CancellationToken.None;

    /// <summary>A context for one service calling another on behalf of the same account and region.</summary>
    public AwsCallContext For(string service, string operation) =>
        new(RequestId, AccountId, Region, service, operation) { AccessKeyId = AccessKeyId };

    public static AwsCallContext Internal(string accountId, string region, string service, string operation) =>
        new(RequestIds.New(), accountId, region, service, operation);
}
