using Amazon.SQS;
using Amazon.SQS.Model;
using Xunit;

namespace Stratus.Tests.Support;

/// <summary>Base for SQS tests: a real AWSSDK.SQS client against the class's in-process cloud.</summary>
public abstract class SqsTestBase : IClassFixture<CloudFixture>, IDisposable
{
    protected SqsTestBase(CloudFixture fixture)
    {
        Fixture = fixture;
        Sqs = new AmazonSQSClient(fixture.Cloud.Credentials, fixture.Cloud.Configure(new AmazonSQSConfig()));
    }

    protected CloudFixture Fixture { get; }
    protected AmazonSQSClient Sqs { get; }

    protected static string UniqueName(string prefix = "q") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 33)];

    protected async Task<string> CreateQueueAsync(string? name = null, Dictionary<string, string>? attributes = null)
    {
        var response = await Sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = name ?? UniqueName(), Attributes = attributes ?? [] });
        return response.QueueUrl;
    }

    protected async Task<string> ArnOfAsync(string queueUrl) =>
        (await Sqs.GetQueueAttributesAsync(queueUrl, ["QueueArn"])).QueueARN;

    public void Dispose()
    {
        Sqs.Dispose();
        GC.SuppressFinalize(this);
    }
}
