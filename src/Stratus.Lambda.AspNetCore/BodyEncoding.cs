using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Stratus.Lambda.AspNetCore;

/// <summary>
/// Decides how bodies cross the JSON event boundary: API Gateway carries them as strings, so anything that is not
/// text travels base64-encoded with isBase64Encoded set.
/// </summary>
internal static class BodyEncoding
{
    public static byte[] DecodeRequestBody(string? body, bool isBase64Encoded)
    {
        if (string.IsNullOrEmpty(body))
        {
            return [];
        }

        if (!isBase64Encoded)
        {
            return Encoding.UTF8.GetBytes(body);
        }

        try
        {
            return Convert.FromBase64String(body);
        }
        catch (FormatException exception)
        {
            throw new InvalidDataException("The event's body is marked isBase64Encoded but is not valid base64.", exception);
        }
    }

    /// <summary>Returns the body string and whether it is base64.</summary>
    public static (string? Body, bool IsBase64) EncodeResponseBody(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return (null, false);
        }

        // A compressed body is binary whatever its media type.
        if (headers.ContentEncoding.Count == 0 && IsTextual(headers.ContentType, body))
        {
            return (Encoding.UTF8.GetString(body), false);
        }

        return (Convert.ToBase64String(body), true);
    }

    private static bool IsTextual(string? contentType, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return IsValidUtf8(body);
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || mediaType.MediaType.Value is not { } type)
        {
            return IsValidUtf8(body);
        }

        if (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            // Text in another charset cannot be carried as a UTF-8 JSON string without changing its bytes.
            return false;
        }

        return type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/javascript", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/graphql", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/yaml", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/x-yaml", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> body) => System.Text.Unicode.Utf8.IsValid(body);
}
