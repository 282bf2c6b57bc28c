using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stratus.Lambda.Events;

/// <summary>
/// requestContext.authorizer of a payload 1.0 event: <c>claims</c> for a Cognito user-pool authorizer;
/// <c>principalId</c>, <c>integrationLatency</c> and the returned context keys for a Lambda authorizer.
/// </summary>
public sealed class ProxyRequestAuthorizer
{
    /// <summary>A Cognito user-pool authorizer's token claims.</summary>
    [JsonPropertyName("claims")] public Dictionary<string, string>? Claims { get; set; }

    /// <summary>The OAuth scopes of a Cognito access token.</summary>
    [JsonPropertyName("scopes")] public List<string>? Scopes { get; set; }

    /// <summary>A Lambda authorizer's principal.</summary>
    [JsonPropertyName("principalId")] public string? PrincipalId { get; set; }

    /// <summary>How long the Lambda authorizer took, in milliseconds.</summary>
    [JsonPropertyName("integrationLatency")] public int? IntegrationLatency { get; set; }

    /// <summary>The context keys a Lambda authorizer returned (strings, numbers or booleans).</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? Context { get; set; }
}
