using Stratus.Services.Sqs.Model;
using Xunit;

namespace Stratus.Tests.Sqs;

/// <summary>The timing rules of a queue, driven by explicit clock values (no waiting).</summary>
public sealed class SqsQueueModelTests
{
    private const long T0 = 1_000_000;

    private static SqsQueue Queue(bool fifo = false, Dictionary<string, string>? attributes = null)
    {
        var name = fifo ? "q.fifo" : "q";
        var given = new Dictionary<string, string>(attributes ?? []);
        if (fifo) given["FifoQueue"] = "true";
        return new SqsQueue(new QueueId("000000000000", "us-east-1", name), QueueAttributes.ForNewQueue(given, fifo), T0, []);
    }

    private static SqsMessage Message(SqsQueue queue, long visibleAt, string? group = null) => new()
    {
        Seq = queue.NextSeqLocked(), MessageId = Guid.NewGuid().ToString(), Body = "b", Md5OfBody = "m", SentAt = T0,
        VisibleAt = visibleAt, SenderId = "s", GroupId = group,
    };

    [Fact]
    public void DelayedMessagesBecomeVisibleAtTheirTime()
    {
        var queue = Queue();
        queue.AddLocked(Message(queue, T0 + 5_000), T0);
        Assert.Empty(queue.TakeLocked(10, 30, T0 + 4_999, null).Delivered);
        Assert.Equal((0, 0, 1), queue.CountsLocked(T0 + 4_999));
        Assert.Single(queue.TakeLocked(10, 30, T0 + 5_000, null).Delivered);
    }

    [Fact]
    public void InFlightMessagesReturnWhenTheirVisibilityTimeoutEnds()
    {
        var queue = Queue();
        queue.AddLocked(Message(queue, T0), T0);
        var first = Assert.Single(queue.TakeLocked(1, 30, T0, null).Delivered);
        Assert.Equal(T0 + 30_000, queue.NextDueLocked());
        Assert.Empty(queue.TakeLocked(1, 30, T0 + 29_999, null).Delivered);
        var again = Assert.Single(queue.TakeLocked(1, 30, T0 + 30_000, null).Delivered);
        Assert.Same(first, again);
        Assert.Equal(2, again.ReceiveCount);
        Assert.Equal(T0, again.FirstReceivedAt);
    }

    [Fact]
    public void AStaleReceiptHandleCannotExtendANewDelivery()
    {
        var queue = Queue();
        queue.AddLocked(Message(queue, T0), T0);
        var m = Assert.Single(queue.TakeLocked(1, 10, T0, null).Delivered);
        var oldHandle = new ReceiptHandle(m.Seq, m.ReceiptToken);
        queue.TakeLocked(1, 10, T0 + 10_000, null);
        Assert.False(queue.ChangeVisibilityLocked(oldHandle, 100, T0 + 10_001));
        Assert.True(queue.ChangeVisibilityLocked(new ReceiptHandle(m.Seq, m.ReceiptToken), 100, T0 + 10_001));
    }

    [Fact]
    public void TheReceiveAfterMaxReceiveCountHandsTheMessageToTheDeadLetterQueue()
    {
        var queue = Queue();
        var redrive = new RedrivePolicy("arn:aws:sqs:us-east-1:000000000000:dlq", 3);
        queue.AddLocked(Message(queue, T0), T0);
        for (var i = 0; i < 3; i++) Assert.Single(queue.TakeLocked(1, 0, T0 + i, redrive).Delivered);
        var fourth = queue.TakeLocked(1, 0, T0 + 10, redrive);
        Assert.Empty(fourth.Delivered);
        Assert.Single(fourth.DeadLetters);
        Assert.Equal(0, queue.CountLocked);
    }

    [Fact]
    public void MessagesExpireAfterTheRetentionPeriod()
    {
        var queue = Queue(attributes: new() { ["MessageRetentionPeriod"] = "60" });
        queue.AddLocked(Message(queue, T0), T0);
        Assert.Empty(queue.ExpireLocked(T0 + 59_999));
        var take = queue.TakeLocked(1, 30, T0 + 60_000, null);
        Assert.Empty(take.Delivered);
        Assert.Single(take.Expired);
    }

    [Fact]
    public void FifoGroupsStayLockedUntilTheirMessagesLeaveFlight()
    {
        var queue = Queue(fifo: true);
        queue.AddLocked(Message(queue, T0, "A"), T0);
        queue.AddLocked(Message(queue, T0, "A"), T0);
        queue.AddLocked(Message(queue, T0, "B"), T0);
        var first = queue.TakeLocked(1, 30, T0, null).Delivered;
        Assert.Equal("A", Assert.Single(first).GroupId);
        var second = queue.TakeLocked(10, 30, T0, null).Delivered;
        Assert.Equal("B", Assert.Single(second).GroupId);
        // When A's first message times out it is delivered again, before the second A message.
        var third = queue.TakeLocked(1, 30, T0 + 30_000, null).Delivered;
        Assert.Same(first[0], Assert.Single(third));
    }

    [Fact]
    public void DeduplicationHoldsForFiveMinutes()
    {
        var queue = Queue(fifo: true);
        Assert.Null(queue.DeduplicateLocked("d", "m1", "1", T0));
        Assert.Equal("m1", queue.DeduplicateLocked("d", "m2", "2", T0 + 299_999)!.Value.MessageId);
        Assert.Null(queue.DeduplicateLocked("d", "m3", "3", T0 + 300_000));
    }

    [Fact]
    public void MessageAttributeDigestFollowsTheDocumentedEncoding()
    {
        // Computed independently from the encoding SQS documents (length-prefixed name, type, transport byte, value).
        var digest = MessageDigests.OfAttributes(new Dictionary<string, MessageAttribute> { ["a"] = new("String", "x", null) });
        Assert.Equal("a512aac9938034acb0b3c3d965944bf1", digest);
        Assert.Equal("5d41402abc4b2a76b9719d911017c592", MessageDigests.OfBody("hello"));
    }
}
