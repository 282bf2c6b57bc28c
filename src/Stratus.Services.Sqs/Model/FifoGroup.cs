namespace Stratus.Services.Sqs.Model;

/// <summary>The messages of one FIFO message group, in order; the group is locked while one is in flight.</summary>
internal sealed class FifoGroup
{
    public SortedSet<long> Messages { get; } = [];
    public int InFlight { get; set; }
}

/// <summary>A deduplication id seen within the 5-minute window, and what its first send answered.</summary>
internal readonly record struct DedupEntry(string MessageId, string? SequenceNumber, long ExpiresAt);

/// <summary>A FIFO ReceiveRequestAttemptId and the deliveries it returned, replayed if the receive is retried.</summary>
internal sealed record ReceiveAttempt(long ExpiresAt, (long Seq, long Token)[] Deliveries);
