using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Stratus.Tests.Support;
using Xunit;

namespace Stratus.Tests.Sqs;

/// <summary>An acknowledged message survives kill -9 of the real executable; a deleted one never comes back.</summary>
public sealed class SqsDurabilityTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "stratus-kill-" + Guid.NewGuid().ToString("N"));

    private static AmazonSQSClient Client(Uri endpoint) =>
        new(new BasicAWSCredentials("test", "test"), new AmazonSQSConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    [Fact]
    public async Task UnacknowledgedMessagesSurviveKillAndDeletedOnesNeverReturn()
    {
        const int total = 300;
        HashSet<string> deleted = [];
        HashSet<string> all = [];
        string url;
        await using (var first = await StratusProcess.StartAsync(_dataDirectory))
        {
            using var sqs = Client(first.Endpoint);
            url = (await sqs.CreateQueueAsync("durable")).QueueUrl;
            // Concurrent senders exercise the group commit.
            var sends = Enumerable.Range(0, total / 10).Select(async batch =>
            {
                var response = await sqs.SendMessageBatchAsync(url, Enumerable.Range(0, 10)
                    .Select(i => new SendMessageBatchRequestEntry("e" + i, $"m-{batch}-{i}")).ToList());
                return response.Successful.Select(s => s.MessageId);
            });
            foreach (var ids in await Task.WhenAll(sends)) all.UnionWith(ids);
            Assert.Equal(total, all.Count);

            for (var round = 0; round < 10; round++)
            {
                var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = 10 });
                foreach (var m in received.Messages)
                {
                    await sqs.DeleteMessageAsync(url, m.ReceiptHandle);
                    deleted.Add(m.MessageId);
                }
            }
            // These are received but never deleted: in flight when the process dies.
            await sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = 10, VisibilityTimeout = 600 });
            await first.KillAsync();
        }

        await using var second = await StratusProcess.StartAsync(_dataDirectory);
        using var client = Client(second.Endpoint);
        var survivors = new HashSet<string>();
        while (true)
        {
            var received = await client.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = 10, VisibilityTimeout = 600 });
            if (received.Messages is not { Count: > 0 }) break;
            foreach (var m in received.Messages) Assert.True(survivors.Add(m.MessageId), "a message was delivered twice after restart");
        }
        Assert.Equal(100, deleted.Count);
        Assert.Empty(survivors.Intersect(deleted));
        Assert.Equal(all.Except(deleted).Order(), survivors.Order());
    }

    [Fact]
    public async Task SigtermShutsDownCleanlyAndStateRemains()
    {
        await using (var first = await StratusProcess.StartAsync(_dataDirectory))
        {
            using var sqs = Client(first.Endpoint);
            var url = (await sqs.CreateQueueAsync("kept")).QueueUrl;
            await sqs.SendMessageAsync(url, "persisted");
            Assert.Equal(0, await first.TerminateAsync());
        }
        await using var second = await StratusProcess.StartAsync(_dataDirectory);
        using var client = Client(second.Endpoint);
        var queue = (await client.GetQueueUrlAsync("kept")).QueueUrl;
        Assert.Equal("persisted", Assert.Single((await client.ReceiveMessageAsync(queue)).Messages).Body);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }
}
