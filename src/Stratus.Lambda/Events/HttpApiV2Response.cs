using System.Text.Json.Serialization;

namespace Stratus.Lambda.Events;

/// <summary>
/// A payload 2.0 response. Multi-valued headers are comma-joined; Set-Cookie values go in <see cref="Cookies"/>.
/// </summary>
public sealed class APIGatewayHttpApiV2ProxyResponse
{
    /// <summary>The HTTP status code.</summary>
    [JsonPropertyName("statusCode")] public int StatusCode { get; set; }

    /// <summary>Response headers.</summary>
    [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; set; }

    /// <summary>Cookies to set, each a complete Set-Cookie value.</summary>
    [JsonPropertyName("cookies")] public List<string>? Cookies { get; set; }

    /// <summary>The body, base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")] public string? Body { get; set; }

    /// <summary>Whether <see cref="Body"/> is base64-encoded binary.</summary>
    [JsonPropertyName("isBase64Encoded")] public bool IsBase64Encoded { get; set; }
}
