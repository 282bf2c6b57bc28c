using Amazon.SQS;
using Amazon.SQS.Model;
using Stratus.Tests.Support;
using Xunit;

namespace Stratus.Tests.Sqs;

public sealed class SqsBatchTests(CloudFixture fixture) : SqsTestBase(fixture)
{
    [Fact]
    public async Task BatchesReportPerEntrySuccessAndFailure()
    {
        var url = await CreateQueueAsync();
        var sent = await Sqs.SendMessageBatchAsync(url,
        [
            new SendMessageBatchRequestEntry("a", "first"),
            new SendMessageBatchRequestEntry("b", "bad \u0002"),
            new SendMessageBatchRequestEntry("c", "third") { DelaySeconds = 0 },
        ]);
        Assert.Equal(["a", "c"], sent.Successful.Select(s => s.Id).Order(StringComparer.Ordinal));
        var failure = Assert.Single(sent.Failed);
        Assert.Equal("b", failure.Id);
        Assert.True(failure.SenderFault);

        var received = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = 10 });
        Assert.Equal(2, received.Messages.Count);

        var changed = await Sqs.ChangeMessageVisibilityBatchAsync(url,
        [
            new ChangeMessageVisibilityBatchRequestEntry("x", received.Messages[0].ReceiptHandle) { VisibilityTimeout = 60 },
            new ChangeMessageVisibilityBatchRequestEntry("y", "not-a-handle") { VisibilityTimeout = 60 },
        ]);
        Assert.Single(changed.Successful);
        Assert.Equal("y", Assert.Single(changed.Failed).Id);

        var deleted = await Sqs.DeleteMessageBatchAsync(url, received.Messages.Select((m, i) => new DeleteMessageBatchRequestEntry("d" + i, m.ReceiptHandle)).ToList());
        Assert.Equal(2, deleted.Successful.Count);
        Assert.Empty(deleted.Failed ?? []);
        Assert.Equal("0", (await Sqs.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessagesNotVisible"])).Attributes["ApproximateNumberOfMessagesNotVisible"]);
    }

    [Fact]
    public async Task BatchRulesAreEnforced()
    {
        var url = await CreateQueueAsync();
        await Assert.ThrowsAsync<EmptyBatchRequestException>(() => Sqs.SendMessageBatchAsync(url, []));
        await Assert.ThrowsAsync<TooManyEntriesInBatchRequestException>(() =>
            Sqs.SendMessageBatchAsync(url, Enumerable.Range(0, 11).Select(i => new SendMessageBatchRequestEntry("e" + i, "m")).ToList()));
        await Assert.ThrowsAsync<BatchEntryIdsNotDistinctException>(() =>
            Sqs.SendMessageBatchAsync(url, [new SendMessageBatchRequestEntry("same", "1"), new SendMessageBatchRequestEntry("same", "2")]));
        await Assert.ThrowsAsync<InvalidBatchEntryIdException>(() =>
            Sqs.SendMessageBatchAsync(url, [new SendMessageBatchRequestEntry("bad id!", "1")]));
        var tooLong = await Assert.ThrowsAsync<BatchRequestTooLongException>(() =>
            Sqs.SendMessageBatchAsync(url, Enumerable.Range(0, 5).Select(i => new SendMessageBatchRequestEntry("e" + i, new string('x', 300_000))).ToList()));
        Assert.Contains("1048576", tooLong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessagesReachTheDeadLetterQueueAfterMaxReceiveCount()
    {
        var dlq = await CreateQueueAsync();
        var dlqArn = await ArnOfAsync(dlq);
        var source = await CreateQueueAsync(attributes: new()
        {
            ["RedrivePolicy"] = $"{{\"deadLetterTargetArn\":\"{dlqArn}\",\"maxReceiveCount\":\"2\"}}",
        });
        await Sqs.SendMessageAsync(source, "poison");
        for (var i = 0; i < 2; i++)
        {
            Assert.Single((await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(source) { VisibilityTimeout = 0 })).Messages);
        }
        Assert.Empty((await Sqs.ReceiveMessageAsync(source)).Messages ?? []);
        var dead = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(dlq) { MessageSystemAttributeNames = ["All"] });
        var message = Assert.Single(dead.Messages);
        Assert.Equal("poison", message.Body);
        Assert.Equal(await ArnOfAsync(source), message.Attributes["DeadLetterQueueSourceArn"]);

        var sources = await Sqs.ListDeadLetterSourceQueuesAsync(new ListDeadLetterSourceQueuesRequest { QueueUrl = dlq });
        Assert.Equal([source], sources.QueueUrls);

        // StartMessageMoveTask sends dead letters back to where they came from.
        await Sqs.ChangeMessageVisibilityAsync(dlq, message.ReceiptHandle, 0);
        var task = await Sqs.StartMessageMoveTaskAsync(new StartMessageMoveTaskRequest { SourceArn = await ArnOfAsync(dlq) });
        Assert.NotNull(task.TaskHandle);
        var back = await Eventually.GetAsync(
            async () => (await Sqs.ReceiveMessageAsync(source)).Messages ?? [],
            messages => messages.Count == 1, what: "the moved message");
        Assert.Equal("poison", back[0].Body);
        var tasks = await Sqs.ListMessageMoveTasksAsync(new ListMessageMoveTasksRequest { SourceArn = await ArnOfAsync(dlq) });
        Assert.Equal("COMPLETED", Assert.Single(tasks.Results).Status);
        Assert.Equal(1, tasks.Results[0].ApproximateNumberOfMessagesMoved);
    }

    [Fact]
    public async Task RedrivePolicyNeedsAnExistingAllowedTarget()
    {
        var error = await Assert.ThrowsAnyAsync<AmazonSQSException>(() => CreateQueueAsync(attributes: new()
        {
            ["RedrivePolicy"] = "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:missing\",\"maxReceiveCount\":3}",
        }));
        Assert.Contains("Dead letter target does not exist", error.Message, StringComparison.Ordinal);

        var dlq = await CreateQueueAsync(attributes: new() { ["RedriveAllowPolicy"] = "{\"redrivePermission\":\"denyAll\"}" });
        var dlqArn = await ArnOfAsync(dlq);
        var denied = await Assert.ThrowsAnyAsync<AmazonSQSException>(() => CreateQueueAsync(attributes: new()
        {
            ["RedrivePolicy"] = $"{{\"deadLetterTargetArn\":\"{dlqArn}\",\"maxReceiveCount\":3}}",
        }));
        Assert.Contains("not allowed", denied.Message, StringComparison.Ordinal);
    }
}
