using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Stratus.Protocols.SigV4;

public enum AuthMode
{
    /// <summary>Any credentials are accepted, as local emulators do; presigned URLs still expire.</summary>
    Permissive,

    /// <summary>Signatures are verified against the configured credentials.</summary>
    Strict,
}

public enum AuthFailureKind
{
    Missing,
    UnknownKey,
    BadSignature,
    Skewed,
    PresignExpired,
    PresignTooLong,
}

public sealed record AuthFailure(AuthFailureKind Kind, DateTimeOffset? SignedAt, DateTimeOffset Now, int? ExpiresSeconds = null);

/// <summary>Checks a request's SigV4 signature according to the server's <see cref="AuthMode"/>.</summary>
public sealed class SigV4Authenticator(AuthMode mode, CredentialStore credentials, TimeProvider time)
{
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    public AuthMode Mode => mode;

    public async ValueTask<AuthFailure?> CheckAsync(HttpRequest request, SigV4Request? signature)
    {
        var now = time.GetUtcNow();
        if (signature is { Presigned: true })
        {
            if (signature.ExpiresSeconds is > 604800) return new AuthFailure(AuthFailureKind.PresignTooLong, signature.SignedAt, now);
            var signedAt = signature.SignedAt;
            if (signedAt is not null && signature.ExpiresSeconds is int expires && signedAt.Value.AddSeconds(expires) < now)
            {
                return new AuthFailure(AuthFailureKind.PresignExpired, signedAt, now, expires);
            }
        }
        if (mode == AuthMode.Permissive) return null;
        if (signature is null) return new AuthFailure(AuthFailureKind.Missing, null, now);
        var secret = credentials.SecretFor(signature.AccessKeyId);
        if (secret is null) return new AuthFailure(AuthFailureKind.UnknownKey, signature.SignedAt, now);
        if (!signature.Presigned && (signature.SignedAt is not { } at || (now - at).Duration() > AllowedSkew))
        {
            return new AuthFailure(AuthFailureKind.Skewed, signature.SignedAt, now);
        }
        var payloadHash = await PayloadHashAsync(request, signature).ConfigureAwait(false);
        var expected = SigV4Signer.Sign(signature, request, secret, payloadHash);
        return CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(signature.Signature))
            ? null
            : new AuthFailure(AuthFailureKind.BadSignature, signature.SignedAt, now);
    }

    private static async ValueTask<string> PayloadHashAsync(HttpRequest request, SigV4Request signature)
    {
        if (signature.Presigned) return SigV4Signer.UnsignedPayload;
        var declared = request.Headers["x-amz-content-sha256"].ToString();
        if (declared.Length > 0) return declared;
        // Services other than S3 sign the body's hash without sending it: hash the body and rewind it.
        request.EnableBuffering();
        var hash = await SHA256.HashDataAsync(request.Body, request.HttpContext.RequestAborted).ConfigureAwait(false);
        request.Body.Position = 0;
        return SigV4Signer.Hex(hash);
    }
}

/// <summary>The error AWS answers for each authentication failure, in each protocol family's words.</summary>
public static class AuthErrors
{
    private const string SignatureMismatch =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    public static AwsServiceException For(AuthFailure failure, WireProtocol protocol)
    {
        var s3 = protocol == WireProtocol.RestXml;
        var json = protocol is WireProtocol.Json;
        return failure.Kind switch
        {
            AuthFailureKind.Missing when s3 => new("AccessDenied", "Access Denied", 403),
            AuthFailureKind.Missing => new(json ? "MissingAuthenticationTokenException" : "MissingAuthenticationToken",
                "Request is missing Authentication Token", json ? 400 : 403),
            AuthFailureKind.UnknownKey when s3 => new("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", 403),
            AuthFailureKind.UnknownKey => new(protocol == WireProtocol.Query ? "InvalidClientTokenId" : "UnrecognizedClientException",
                "The security token included in the request is invalid.", json ? 400 : 403),
            AuthFailureKind.BadSignature when s3 => new("SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. Check your key and signing method.", 403),
            AuthFailureKind.BadSignature => new(protocol == WireProtocol.Query ? "SignatureDoesNotMatch" : "InvalidSignatureException",
                SignatureMismatch, json ? 400 : 403),
            AuthFailureKind.Skewed when s3 => new("RequestTimeTooSkewed", "The difference between the request time and the current time is too large.", 403),
            AuthFailureKind.Skewed => new(protocol == WireProtocol.Query ? "SignatureDoesNotMatch" : "InvalidSignatureException",
                SkewMessage(failure), json ? 400 : 403),
            AuthFailureKind.PresignExpired => new("AccessDenied", "Request has expired", 403)
            {
                Details = new System.Text.Json.Nodes.JsonObject
                {
                    ["X-Amz-Expires"] = failure.ExpiresSeconds?.ToString(CultureInfo.InvariantCulture),
                    ["Expires"] = failure.SignedAt?.AddSeconds(failure.ExpiresSeconds ?? 0).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    ["ServerTime"] = failure.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                },
            },
            _ => new("AuthorizationQueryParametersError", "X-Amz-Expires must be less than a week (in seconds) that is; 604800", 400),
        };
    }

    private static string SkewMessage(AuthFailure failure)
    {
        static string F(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        if (failure.SignedAt is not { } at) return "Signature expired: the request carries no date.";
        return at < failure.Now
            ? $"Signature expired: {F(at)} is now earlier than {F(failure.Now.AddMinutes(-15))} ({F(failure.Now)} - 15 min.)"
            : $"Signature not yet current: {F(at)} is still later than {F(failure.Now.AddMinutes(15))} ({F(failure.Now)} + 15 min.)";
    }
}
