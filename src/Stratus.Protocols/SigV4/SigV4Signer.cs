using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Stratus.Protocols.SigV4;

/// <summary>
/// Computes SigV4 signatures as AWS documents them
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html).
/// </summary>
public static class SigV4Signer
{
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    public static string Sign(SigV4Request signature, HttpRequest request, string secretKey, string payloadHash)
    {
        var canonical = CanonicalRequest(signature, request, payloadHash);
        var stringToSign = $"AWS4-HMAC-SHA256\n{signature.AmzDate}\n{signature.Scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = SigningKey(secretKey, signature.Date, signature.Region, signature.Service);
        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static byte[] SigningKey(string secretKey, string date, string region, string service)
    {
        var kDate = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretKey), Encoding.UTF8.GetBytes(date));
        var kRegion = HMACSHA256.HashData(kDate, Encoding.UTF8.GetBytes(region));
        var kService = HMACSHA256.HashData(kRegion, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(kService, "aws4_request"u8);
    }

    public static string CanonicalRequest(SigV4Request signature, HttpRequest request, string payloadHash)
    {
        var sb = new StringBuilder(512);
        sb.Append(request.Method).Append('\n');
        sb.Append(CanonicalUri(request, signature.Service == "s3")).Append('\n');
        sb.Append(CanonicalQuery(request.Query, signature.Presigned)).Append('\n');
        foreach (var name in signature.SignedHeaders)
        {
            sb.Append(name).Append(':').Append(HeaderValue(request, name)).Append('\n');
        }
        sb.Append('\n').Append(string.Join(';', signature.SignedHeaders)).Append('\n').Append(payloadHash);
        return sb.ToString();
    }

    private static string HeaderValue(HttpRequest request, string name)
    {
        if (name == "host") return request.Host.Value ?? "";
        var values = request.Headers[name];
        return string.Join(',', values.Select(v => CollapseSpaces((v ?? "").Trim())));
    }

    private static string CollapseSpaces(string value)
    {
        if (!value.Contains("  ", StringComparison.Ordinal)) return value;
        var sb = new StringBuilder(value.Length);
        var previousSpace = false;
        foreach (var c in value)
        {
            if (c == ' ' && previousSpace) continue;
            previousSpace = c == ' ';
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static string CanonicalUri(HttpRequest request, bool s3)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var q = raw.IndexOf('?', StringComparison.Ordinal);
        var path = q >= 0 ? raw[..q] : raw;
        if (path.Length == 0) path = "/";
        // S3 signs the path encoded once; every other service signs the already-encoded path encoded again.
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = s3 ? UriEncode(Uri.UnescapeDataString(segments[i])) : UriEncode(segments[i]);
        }
        return string.Join('/', segments);
    }

    private static string CanonicalQuery(IQueryCollection query, bool presigned)
    {
        var pairs = new List<(string Key, string Value)>();
        foreach (var (key, values) in query)
        {
            if (presigned && key == "X-Amz-Signature") continue;
            foreach (var value in values) pairs.Add((UriEncode(key), UriEncode(value ?? "")));
        }
        pairs.Sort((a, b) => a.Key != b.Key ? string.CompareOrdinal(a.Key, b.Key) : string.CompareOrdinal(a.Value, b.Value));
        return string.Join('&', pairs.Select(p => p.Key + "=" + p.Value));
    }

    /// <summary>RFC 3986 encoding with AWS's unreserved set (A-Z a-z 0-9 - _ . ~).</summary>
    public static string UriEncode(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var sb = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~') sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
