using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Stratus.Protocols.SigV4;

/// <summary>The parts of a SigV4 signature, from the Authorization header or a presigned URL's query.</summary>
public sealed class SigV4Request
{
    public required string AccessKeyId { get; init; }
    public required string Date { get; init; }
    public required string Region { get; init; }
    public required string Service { get; init; }
    public required string[] SignedHeaders { get; init; }
    public required string Signature { get; init; }
    public string? AmzDate { get; init; }
    public bool Presigned { get; init; }
    public int? ExpiresSeconds { get; init; }

    public string Scope => $"{Date}/{Region}/{Service}/aws4_request";

    /// <summary>The request time the signature claims (X-Amz-Date, else Date).</summary>
    public DateTimeOffset? SignedAt => AmzDate is not null &&
        DateTimeOffset.TryParseExact(AmzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;

    /// <summary>Reads the signature of a request; null when the request is not SigV4-signed.</summary>
    public static SigV4Request? Parse(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("AWS4-HMAC-SHA256", StringComparison.Ordinal))
        {
            return FromHeader(authorization, request);
        }
        if (request.Query.TryGetValue("X-Amz-Credential", out var credential))
        {
            return FromQuery(credential.ToString(), request.Query);
        }
        return null;
    }

    private static SigV4Request? FromHeader(string authorization, HttpRequest request)
    {
        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in authorization["AWS4-HMAC-SHA256".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0) continue;
            var value = part[(eq + 1)..];
            switch (part[..eq])
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
            }
        }
        var scope = credential?.Split('/');
        if (scope is not { Length: 5 } || signedHeaders is null || signature is null) return null;
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        return new SigV4Request
        {
            AccessKeyId = scope[0], Date = scope[1], Region = scope[2], Service = scope[3],
            SignedHeaders = signedHeaders.Split(';'), Signature = signature,
            AmzDate = amzDate.Length > 0 ? amzDate : null,
        };
    }

    private static SigV4Request? FromQuery(string credential, IQueryCollection query)
    {
        var scope = credential.Split('/');
        if (scope.Length != 5) return null;
        int? expires = int.TryParse(query["X-Amz-Expires"].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var e) ? e : null;
        return new SigV4Request
        {
            AccessKeyId = scope[0], Date = scope[1], Region = scope[2], Service = scope[3],
            SignedHeaders = query["X-Amz-SignedHeaders"].ToString().Split(';', StringSplitOptions.RemoveEmptyEntries),
            Signature = query["X-Amz-Signature"].ToString(),
            AmzDate = query["X-Amz-Date"].ToString() is { Length: > 0 } d ? d : null,
            Presigned = true,
            ExpiresSeconds = expires,
        };
    }
}
