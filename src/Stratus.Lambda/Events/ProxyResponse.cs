using System.Text.Json.Serialization;

namespace Stratus.Lambda.Events;

/// <summary>
/// A payload 1.0 response. When a header appears in both maps API Gateway merges them, values from
/// <see cref="MultiValueHeaders"/> winning.
/// </summary>
public sealed class APIGatewayProxyResponse
{
    /// <summary>The HTTP status code.</summary>
    [JsonPropertyName("statusCode")] public int StatusCode { get; set; }

    /// <summary>Single-valued headers.</summary>
    [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; set; }

    /// <summary>Headers with several values, such as Set-Cookie.</summary>
    [JsonPropertyName("multiValueHeaders")] public Dictionary<string, List<string>>? MultiValueHeaders { get; set; }

    /// <summary>The body, base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")] public string? Body { get; set; }

    /// <summary>Whether <see cref="Body"/> is base64-encoded binary.</summary>
    [JsonPropertyName("isBase64Encoded")] public bool IsBase64Encoded { get; set; }
}
