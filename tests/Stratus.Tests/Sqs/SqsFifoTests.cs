using Amazon.SQS;
using Amazon.SQS.Model;
using Stratus.Tests.Support;
using Xunit;

namespace Stratus.Tests.Sqs;

public sealed class SqsFifoTests(CloudFixture fixture) : SqsTestBase(fixture)
{
    private Task<string> CreateFifoAsync(bool contentBased = false) =>
        CreateQueueAsync(UniqueName("f") + ".fifo", new() { ["FifoQueue"] = "true", ["ContentBasedDeduplication"] = contentBased ? "true" : "false" });

    [Fact]
    public async Task OrderIsKeptPerGroupAndGroupsLockWhileInFlight()
    {
        var url = await CreateFifoAsync();
        var sequence = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var sent = await Sqs.SendMessageAsync(new SendMessageRequest(url, "a" + i) { MessageGroupId = "A", MessageDeduplicationId = "a" + i });
            sequence.Add(sent.SequenceNumber);
        }
        await Sqs.SendMessageAsync(new SendMessageRequest(url, "b0") { MessageGroupId = "B", MessageDeduplicationId = "b0" });
        Assert.Equal(sequence.Order(StringComparer.Ordinal), sequence);

        var first = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = 2, MessageSystemAttributeNames = ["All"] });
        Assert.Equal(["a0", "a1"], first.Messages.Select(m => m.Body));
        Assert.Equal("A", first.Messages[0].Attributes["MessageGroupId"]);

        // Group A is locked while a0 and a1 are in flight; only group B can be served.
        var second = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = 10 });
        Assert.Equal(["b0"], second.Messages.Select(m => m.Body));
        Assert.Empty((await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = 10 })).Messages ?? []);

        foreach (var m in first.Messages) await Sqs.DeleteMessageAsync(url, m.ReceiptHandle);
        var third = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = 10 });
        Assert.Equal(["a2", "a3"], third.Messages.Select(m => m.Body));
    }

    [Fact]
    public async Task DuplicatesWithinTheWindowAreAcceptedButNotQueued()
    {
        var url = await CreateFifoAsync(contentBased: true);
        var one = await Sqs.SendMessageAsync(new SendMessageRequest(url, "same body") { MessageGroupId = "g" });
        var two = await Sqs.SendMessageAsync(new SendMessageRequest(url, "same body") { MessageGroupId = "g" });
        Assert.Equal(one.MessageId, two.MessageId);
        var explicitId = await Sqs.SendMessageBatchAsync(url,
        [
            new SendMessageBatchRequestEntry("1", "x") { MessageGroupId = "g", MessageDeduplicationId = "d" },
            new SendMessageBatchRequestEntry("2", "y") { MessageGroupId = "g", MessageDeduplicationId = "d" },
        ]);
        Assert.Equal(2, explicitId.Successful.Count);
        var received = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = 10 });
        Assert.Equal(["same body", "x"], received.Messages.Select(m => m.Body));
    }

    [Fact]
    public async Task FifoParametersAreRequiredAndChecked()
    {
        var url = await CreateFifoAsync();
        var noGroup = await Assert.ThrowsAnyAsync<AmazonSQSException>(() => Sqs.SendMessageAsync(new SendMessageRequest(url, "x") { MessageDeduplicationId = "d" }));
        Assert.Equal("MissingParameter", noGroup.ErrorCode);
        var noDedup = await Assert.ThrowsAnyAsync<AmazonSQSException>(() => Sqs.SendMessageAsync(new SendMessageRequest(url, "x") { MessageGroupId = "g" }));
        Assert.Contains("ContentBasedDeduplication", noDedup.Message, StringComparison.Ordinal);
        var delay = await Assert.ThrowsAnyAsync<AmazonSQSException>(() => Sqs.SendMessageAsync(new SendMessageRequest(url, "x") { MessageGroupId = "g", MessageDeduplicationId = "d", DelaySeconds = 5 }));
        Assert.Equal("InvalidParameterValue", delay.ErrorCode);

        var standard = await CreateQueueAsync();
        var dedupOnStandard = await Assert.ThrowsAnyAsync<AmazonSQSException>(() => Sqs.SendMessageAsync(new SendMessageRequest(standard, "x") { MessageDeduplicationId = "d" }));
        Assert.Equal("InvalidParameterValue", dedupOnStandard.ErrorCode);
    }

    [Fact]
    public async Task ReceiveAttemptIdReplaysTheSameDelivery()
    {
        var url = await CreateFifoAsync(contentBased: true);
        await Sqs.SendMessageAsync(new SendMessageRequest(url, "m1") { MessageGroupId = "g" });
        var first = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { ReceiveRequestAttemptId = "attempt-1" });
        var retry = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { ReceiveRequestAttemptId = "attempt-1" });
        Assert.Equal(first.Messages[0].ReceiptHandle, Assert.Single(retry.Messages).ReceiptHandle);
    }
}
