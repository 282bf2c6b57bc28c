using Amazon.Runtime;
using Amazon.SQS;
using Stratus.Protocols.SigV4;
using Stratus.Testing;
using Xunit;

namespace Stratus.Tests.Server;

/// <summary>--auth strict verifies SigV4 signatures made by a real SDK against the configured keys.</summary>
public sealed class StrictAuthTests : IAsyncLifetime
{
    private readonly string _credentials = Path.GetTempFileName();
    private StratusCloud? _cloud;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_credentials, "[default]\naws_access_key_id = AKIDSTRICT\naws_secret_access_key = right-secret\n");
        _cloud = await StratusCloud.StartAsync(o =>
        {
            o.Auth = AuthMode.Strict;
            o.CredentialsFile = _credentials;
        });
    }

    private AmazonSQSClient Client(string key, string secret) =>
        new(new BasicAWSCredentials(key, secret), _cloud!.Configure(new AmazonSQSConfig()));

    [Fact]
    public async Task TheRightKeyIsAccepted()
    {
        using var sqs = Client("AKIDSTRICT", "right-secret");
        var url = (await sqs.CreateQueueAsync("strict-ok")).QueueUrl;
        await sqs.SendMessageAsync(url, "signed body with unicode ✓");
    }

    [Fact]
    public async Task AWrongSecretIsASignatureError()
    {
        using var sqs = Client("AKIDSTRICT", "wrong-secret");
        var error = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => sqs.ListQueuesAsync(new Amazon.SQS.Model.ListQueuesRequest()));
        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Contains("signature we calculated does not match", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownKeyIsRefused()
    {
        using var sqs = Client("AKIDUNKNOWN", "whatever");
        var error = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => sqs.ListQueuesAsync(new Amazon.SQS.Model.ListQueuesRequest()));
        Assert.Equal("UnrecognizedClientException", error.ErrorCode);
    }

    [Fact]
    public async Task UnsignedRequestsAreRefused()
    {
        using var http = new HttpClient();
        using var content = new FormUrlEncodedContent([KeyValuePair.Create("Action", "ListQueues"), KeyValuePair.Create("Version", "2012-11-05")]);
        using var response = await http.PostAsync(_cloud!.Endpoint, content);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("MissingAuthenticationToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        if (_cloud is not null) await _cloud.DisposeAsync();
        File.Delete(_credentials);
    }
}
