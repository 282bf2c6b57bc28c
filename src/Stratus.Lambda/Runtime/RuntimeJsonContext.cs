using System.Text.Json.Serialization;

namespace Stratus.Lambda.Runtime;

/// <summary>The JSON the runtime itself reads and writes, source-generated so the library trims and AOT-compiles.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LambdaErrorResponse))]
[JsonSerializable(typeof(ClientContextDocument))]
[JsonSerializable(typeof(CognitoIdentityDocument))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;

/// <summary>The Lambda-Runtime-Client-Context header's JSON.</summary>
internal sealed class ClientContextDocument
{
    [JsonPropertyName("client")] public ClientApplicationDocument? Client { get; set; }
    [JsonPropertyName("custom")] public Dictionary<string, string>? Custom { get; set; }
    [JsonPropertyName("env")] public Dictionary<string, string>? Environment { get; set; }
}

/// <summary>The <c>client</c> member of the client context.</summary>
internal sealed class ClientApplicationDocument : IClientApplication
{
    [JsonPropertyName("installation_id")] public string? InstallationId { get; set; }
    [JsonPropertyName("app_title")] public string? AppTitle { get; set; }
    [JsonPropertyName("app_version_name")] public string? AppVersionName { get; set; }
    [JsonPropertyName("app_version_code")] public string? AppVersionCode { get; set; }
    [JsonPropertyName("app_package_name")] public string? AppPackageName { get; set; }
}

/// <summary>The Lambda-Runtime-Cognito-Identity header's JSON.</summary>
internal sealed class CognitoIdentityDocument : ICognitoIdentity
{
    [JsonPropertyName("cognitoIdentityId")] public string? IdentityId { get; set; }
    [JsonPropertyName("cognitoIdentityPoolId")] public string? IdentityPoolId { get; set; }
}
