using System.Text.Json.Serialization;

namespace Stratus.Protocols.Json;

[JsonSerializable(typeof(Empty))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext;

/// <summary>The JSON error body shared by the JSON protocols.</summary>
public sealed class ErrorBody
{
    [JsonPropertyName("__type")] public string? Type { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
}
