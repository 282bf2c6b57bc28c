using Microsoft.AspNetCore.Http;

namespace Stratus.Protocols;

/// <summary>The wire protocols AWS services speak.</summary>
public enum WireProtocol
{
    Json,
    Query,
    RestJson,
    RestXml,
}

/// <summary>What the edge learnt about a request before handing it to a service.</summary>
public sealed class EdgeRequest
{
    public required HttpContext Http { get; init; }
    public required string RequestId { get; init; }
    public required string AccountId { get; init; }
    public required string Region { get; init; }
    public required WireProtocol Protocol { get; init; }
    public string? AccessKeyId { get; init; }

    /// <summary>The operation named by X-Amz-Target (JSON protocols), before the service resolves it.</summary>
    public string? TargetOperation { get; init; }

    /// <summary>Set by the service once it knows the operation, for the request log.</summary>
    public string? Operation { get; set; }

    public AwsCallContext CreateContext(string service, string operation)
    {
        Operation = operation;
        return new AwsCallContext(RequestId, AccountId, Region, service, operation) { Http = Http, AccessKeyId = AccessKeyId };
    }
}

/// <summary>How the edge recognises requests for a service.</summary>
public sealed class ServiceRouting
{
    /// <summary>SigV4 signing names (credential scope service) that select this service.</summary>
    public IReadOnlyList<string> SigningNames { get; init; } = [];

    /// <summary>X-Amz-Target prefixes (before the dot) for JSON protocols.</summary>
    public IReadOnlyList<string> TargetPrefixes { get; init; } = [];

    /// <summary>The Version parameter of query-protocol requests, to route unsigned query calls.</summary>
    public string? QueryVersion { get; init; }

    /// <summary>Path prefixes of REST services, to route unsigned or shared-signing-name calls.</summary>
    public IReadOnlyList<string> PathPrefixes { get; init; } = [];

    /// <summary>Claims requests by host (S3 virtual-hosted buckets); checked before everything else.</summary>
    public Func<HttpRequest, bool>? ClaimsHost { get; init; }

    /// <summary>The protocol of the service's REST API (restJson1 or restXml), null for non-REST services.</summary>
    public WireProtocol? RestProtocol { get; init; }

    /// <summary>The service that answers requests nothing else claims (S3, as on AWS's legacy global endpoint).</summary>
    public bool IsFallback { get; init; }
}

/// <summary>A service the edge can route to.</summary>
public interface IAwsService
{
    /// <summary>The service's short name as AWS uses it in ARNs and endpoints (e.g. "sqs").</summary>
    string Name { get; }

    ServiceRouting Routing { get; }

    Task HandleAsync(EdgeRequest request);

    /// <summary>Loads persisted state and starts background work; called once before the server listens.</summary>
    ValueTask StartAsync() => ValueTask.CompletedTask;

    /// <summary>Wipes all state (POST /_stratus/reset).</summary>
    ValueTask ResetAsync();

    /// <summary>Operations implemented, for health and the coverage table.</summary>
    IReadOnlyCollection<string> ImplementedOperations { get; }

    /// <summary>Every operation of the AWS API, implemented or not (the coverage table lists the difference).</summary>
    IReadOnlyCollection<string> KnownOperations => ImplementedOperations;
}
