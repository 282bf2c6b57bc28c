using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Stratus.Lambda.Events;

/// <summary>Pre token generation, event version 1: customise the ID token's claims and the groups.</summary>
public sealed class CognitoPreTokenGenerationEvent : CognitoTriggerEvent<CognitoPreTokenGenerationRequest, CognitoPreTokenGenerationResponse>;

/// <summary>Pre token generation, event versions 2 and 3: customise ID and access tokens, claims and scopes.</summary>
public sealed class CognitoPreTokenGenerationV2Event : CognitoTriggerEvent<CognitoPreTokenGenerationRequest, CognitoPreTokenGenerationV2Response>;

/// <summary>Pre token generation input (both versions; <see cref="Scopes"/> only in version 2+).</summary>
public sealed class CognitoPreTokenGenerationRequest
{
    /// <summary>The user's attributes.</summary>
    [JsonPropertyName("userAttributes")] public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>The user's groups and roles.</summary>
    [JsonPropertyName("groupConfiguration")] public CognitoGroupConfiguration? GroupConfiguration { get; set; }

    /// <summary>The access token's scopes (version 2+).</summary>
    [JsonPropertyName("scopes")] public List<string>? Scopes { get; set; }

    /// <summary>ClientMetadata of the call.</summary>
    [JsonPropertyName("clientMetadata")] public Dictionary<string, string>? ClientMetadata { get; set; }
}

/// <summary>Groups and IAM roles, as input and as override.</summary>
public sealed class CognitoGroupConfiguration
{
    /// <summary>Group names.</summary>
    [JsonPropertyName("groupsToOverride")] public List<string>? GroupsToOverride { get; set; }

    /// <summary>IAM role ARNs.</summary>
    [JsonPropertyName("iamRolesToOverride")] public List<string>? IamRolesToOverride { get; set; }

    /// <summary>The preferred role ARN.</summary>
    [JsonPropertyName("preferredRole")] public string? PreferredRole { get; set; }
}

/// <summary>Pre token generation output, version 1.</summary>
public sealed class CognitoPreTokenGenerationResponse
{
    /// <summary>The changes to make.</summary>
    [JsonPropertyName("claimsOverrideDetails")] public CognitoClaimsOverrideDetails? ClaimsOverrideDetails { get; set; }
}

/// <summary>Version 1 claim changes (ID token only).</summary>
public sealed class CognitoClaimsOverrideDetails
{
    /// <summary>Claims to add or replace; string values in version 1.</summary>
    [JsonPropertyName("claimsToAddOrOverride")] public Dictionary<string, string>? ClaimsToAddOrOverride { get; set; }

    /// <summary>Claims to remove.</summary>
    [JsonPropertyName("claimsToSuppress")] public List<string>? ClaimsToSuppress { get; set; }

    /// <summary>Replacement groups and roles.</summary>
    [JsonPropertyName("groupOverrideDetails")] public CognitoGroupConfiguration? GroupOverrideDetails { get; set; }
}

/// <summary>Pre token generation output, version 2+.</summary>
public sealed class CognitoPreTokenGenerationV2Response
{
    /// <summary>The changes to make.</summary>
    [JsonPropertyName("claimsAndScopeOverrideDetails")] public CognitoClaimsAndScopeOverrideDetails? ClaimsAndScopeOverrideDetails { get; set; }
}

/// <summary>Version 2 claim and scope changes.</summary>
public sealed class CognitoClaimsAndScopeOverrideDetails
{
    /// <summary>Changes to the ID token.</summary>
    [JsonPropertyName("idTokenGeneration")] public CognitoTokenGeneration? IdTokenGeneration { get; set; }

    /// <summary>Changes to the access token.</summary>
    [JsonPropertyName("accessTokenGeneration")] public CognitoTokenGeneration? AccessTokenGeneration { get; set; }

    /// <summary>Replacement groups and roles.</summary>
    [JsonPropertyName("groupOverrideDetails")] public CognitoGroupConfiguration? GroupOverrideDetails { get; set; }
}

/// <summary>Changes to one token (version 2+).</summary>
public sealed class CognitoTokenGeneration
{
    /// <summary>Claims to add or replace; any JSON value in version 2.</summary>
    [JsonPropertyName("claimsToAddOrOverride")] public Dictionary<string, JsonNode?>? ClaimsToAddOrOverride { get; set; }

    /// <summary>Claims to remove.</summary>
    [JsonPropertyName("claimsToSuppress")] public List<string>? ClaimsToSuppress { get; set; }

    /// <summary>Scopes to add (access token only).</summary>
    [JsonPropertyName("scopesToAdd")] public List<string>? ScopesToAdd { get; set; }

    /// <summary>Scopes to remove (access token only).</summary>
    [JsonPropertyName("scopesToSuppress")] public List<string>? ScopesToSuppress { get; set; }
}
