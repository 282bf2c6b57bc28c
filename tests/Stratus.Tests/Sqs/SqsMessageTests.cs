using System.Diagnostics;
using Amazon.SQS;
using Amazon.SQS.Model;
using Stratus.Tests.Support;
using Xunit;

namespace Stratus.Tests.Sqs;

public sealed class SqsMessageTests(CloudFixture fixture) : SqsTestBase(fixture)
{
    [Fact]
    public async Task SendReceiveDeleteWithAttributesThatTheSdkVerifies()
    {
        var url = await CreateQueueAsync();
        var sent = await Sqs.SendMessageAsync(new SendMessageRequest(url, "{\"job\":\"Lyon, France\"} é ✓ 𝄞")
        {
            MessageAttributes = new()
            {
                ["city"] = new MessageAttributeValue { DataType = "String", StringValue = "Lyon" },
                ["count"] = new MessageAttributeValue { DataType = "Number", StringValue = "42" },
                ["blob"] = new MessageAttributeValue { DataType = "Binary", BinaryValue = new MemoryStream([1, 2, 3, 255]) },
                ["custom"] = new MessageAttributeValue { DataType = "String.custom", StringValue = "x" },
            },
            MessageSystemAttributes = new()
            {
                ["AWSTraceHeader"] = new MessageSystemAttributeValue { DataType = "String", StringValue = "Root=1-5759e988-bd862e3fe1be46a994272793" },
            },
        });
        Assert.NotNull(sent.MD5OfMessageAttributes);
        Assert.NotNull(sent.MD5OfMessageSystemAttributes);

        var received = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url)
        {
            MessageAttributeNames = ["All"],
            MessageSystemAttributeNames = ["All"],
        });
        var message = Assert.Single(received.Messages);
        Assert.Equal(sent.MessageId, message.MessageId);
        Assert.Equal("{\"job\":\"Lyon, France\"} é ✓ 𝄞", message.Body);
        Assert.Equal("Lyon", message.MessageAttributes["city"].StringValue);
        Assert.Equal([1, 2, 3, 255], message.MessageAttributes["blob"].BinaryValue.ToArray());
        Assert.Equal("1", message.Attributes["ApproximateReceiveCount"]);
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793", message.Attributes["AWSTraceHeader"]);
        Assert.True(long.Parse(message.Attributes["SentTimestamp"], System.Globalization.CultureInfo.InvariantCulture) > 1_600_000_000_000);

        await Sqs.DeleteMessageAsync(url, message.ReceiptHandle);
        Assert.Equal("0", (await Sqs.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessagesNotVisible"])).Attributes["ApproximateNumberOfMessagesNotVisible"]);
    }

    [Fact]
    public async Task AttributeNameFiltersSelectByPrefix()
    {
        var url = await CreateQueueAsync();
        await Sqs.SendMessageAsync(new SendMessageRequest(url, "x")
        {
            MessageAttributes = new()
            {
                ["order.id"] = new MessageAttributeValue { DataType = "String", StringValue = "1" },
                ["order.total"] = new MessageAttributeValue { DataType = "Number", StringValue = "9.5" },
                ["user"] = new MessageAttributeValue { DataType = "String", StringValue = "ann" },
            },
        });
        var received = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MessageAttributeNames = ["order.*"] });
        var message = Assert.Single(received.Messages);
        Assert.Equal(["order.id", "order.total"], message.MessageAttributes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task VisibilityTimeoutHidesAndReleasesMessages()
    {
        var url = await CreateQueueAsync();
        await Sqs.SendMessageAsync(url, "once");
        var first = Assert.Single((await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { VisibilityTimeout = 30 })).Messages);
        Assert.Empty((await Sqs.ReceiveMessageAsync(url)).Messages ?? []);

        await Sqs.ChangeMessageVisibilityAsync(url, first.ReceiptHandle, 0);
        var second = Assert.Single((await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MessageSystemAttributeNames = ["ApproximateReceiveCount"] })).Messages);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.NotEqual(first.ReceiptHandle, second.ReceiptHandle);
        Assert.Equal("2", second.Attributes["ApproximateReceiveCount"]);

        // The first receipt handle named a delivery that is over.
        await Assert.ThrowsAsync<MessageNotInflightException>(() => Sqs.ChangeMessageVisibilityAsync(url, first.ReceiptHandle, 10));
        await Assert.ThrowsAsync<ReceiptHandleIsInvalidException>(() => Sqs.DeleteMessageAsync(url, "garbage"));
    }

    [Fact]
    public async Task ShortVisibilityTimeoutExpires()
    {
        var url = await CreateQueueAsync();
        await Sqs.SendMessageAsync(url, "m");
        Assert.Single((await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { VisibilityTimeout = 1 })).Messages);
        // A long poll is woken when the message becomes visible again, not at the end of its wait.
        var watch = Stopwatch.StartNew();
        var again = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { WaitTimeSeconds = 10 });
        Assert.Single(again.Messages);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task LongPollIsWokenBySend()
    {
        var url = await CreateQueueAsync();
        var watch = Stopwatch.StartNew();
        var receive = Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { WaitTimeSeconds = 20 });
        await Task.Delay(300);
        Assert.False(receive.IsCompleted);
        await Sqs.SendMessageAsync(url, "wake");
        var received = await receive;
        Assert.Equal("wake", Assert.Single(received.Messages).Body);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task LongPollReturnsEmptyAtItsDeadline()
    {
        var url = await CreateQueueAsync();
        var watch = Stopwatch.StartNew();
        var received = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { WaitTimeSeconds = 1 });
        Assert.Empty(received.Messages ?? []);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task DelayedMessagesStayHidden()
    {
        var url = await CreateQueueAsync();
        await Sqs.SendMessageAsync(new SendMessageRequest(url, "later") { DelaySeconds = 1 });
        Assert.Empty((await Sqs.ReceiveMessageAsync(url)).Messages ?? []);
        var received = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { WaitTimeSeconds = 5 });
        Assert.Equal("later", Assert.Single(received.Messages).Body);
    }

    [Fact]
    public async Task ReceiveValidatesItsParameters()
    {
        var url = await CreateQueueAsync();
        var tooMany = await Assert.ThrowsAnyAsync<AmazonSQSException>(() => Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = 11 }));
        Assert.Equal("InvalidParameterValue", tooMany.ErrorCode);
        var tooLong = await Assert.ThrowsAnyAsync<AmazonSQSException>(() => Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { WaitTimeSeconds = 21 }));
        Assert.Contains("WaitTimeSeconds", tooLong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageContentsAndSizeAreChecked()
    {
        var url = await CreateQueueAsync(attributes: new() { ["MaximumMessageSize"] = "1024" });
        var large = await Assert.ThrowsAnyAsync<AmazonSQSException>(() => Sqs.SendMessageAsync(url, new string('x', 1025)));
        Assert.Contains("Message must be shorter than 1024 bytes", large.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidMessageContentsException>(() => Sqs.SendMessageAsync(url, "bad \u0001 char"));
        var badNumber = await Assert.ThrowsAnyAsync<AmazonSQSException>(() => Sqs.SendMessageAsync(new SendMessageRequest(url, "x")
        {
            MessageAttributes = new() { ["n"] = new MessageAttributeValue { DataType = "Number", StringValue = "abc" } },
        }));
        Assert.Equal("InvalidParameterValue", badNumber.ErrorCode);
    }
}
