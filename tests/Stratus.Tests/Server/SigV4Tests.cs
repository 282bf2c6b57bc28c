using Microsoft.AspNetCore.Http;
using Stratus.Protocols.SigV4;
using Xunit;

namespace Stratus.Tests.Server;

/// <summary>The pure SigV4 rules: the time checks and AWS's published example signature.</summary>
public sealed class SigV4Tests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static DefaultHttpContext Presigned(string amzDate, int expires)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        http.Request.Path = "/bucket/key";
        http.Request.Host = new HostString("localhost:4566");
        http.Request.QueryString = new QueryString(
            $"?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date={amzDate}&X-Amz-Expires={expires}&X-Amz-SignedHeaders=host&X-Amz-Signature=abc");
        return http;
    }

    [Fact]
    public async Task ExpiredPresignedUrlsAreRefusedEvenInPermissiveMode()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.Zero));
        var authenticator = new SigV4Authenticator(AuthMode.Permissive, new CredentialStore(), clock);
        var expired = Presigned("20260101T000000Z", 60);
        var failure = await authenticator.CheckAsync(expired.Request, SigV4Request.Parse(expired.Request));
        Assert.Equal(AuthFailureKind.PresignExpired, failure!.Kind);
        var error = AuthErrors.For(failure, Stratus.Protocols.WireProtocol.RestXml);
        Assert.Equal("AccessDenied", error.Code);
        Assert.Equal("Request has expired", error.Message);

        var valid = Presigned("20260101T003000Z", 3600);
        Assert.Null(await authenticator.CheckAsync(valid.Request, SigV4Request.Parse(valid.Request)));
        var tooLong = Presigned("20260101T003000Z", 604801);
        Assert.Equal(AuthFailureKind.PresignTooLong, (await authenticator.CheckAsync(tooLong.Request, SigV4Request.Parse(tooLong.Request)))!.Kind);
    }

    [Fact]
    public void SigningKeyMatchesAwsDocumentation()
    {
        // The derived key of AWS's documented example (IAM user guide, "Examples of how to derive a signing key").
        var key = SigV4Signer.SigningKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");
        Assert.Equal("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d", SigV4Signer.Hex(key));
    }

    [Fact]
    public void UriEncodingKeepsOnlyUnreservedCharacters()
    {
        Assert.Equal("a%20b%2Fc~d_e-f.g%C3%A9", SigV4Signer.UriEncode("a b/c~d_e-f.gé"));
    }
}
