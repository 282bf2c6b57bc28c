namespace Stratus.Services.Sqs.Model;

/// <summary>What one receive took from a queue: deliveries, and messages it found expired or due for the DLQ.</summary>
internal sealed class TakeResult
{
    public List<SqsMessage> Delivered { get; } = [];
    public List<SqsMessage> Expired { get; } = [];
    public List<SqsMessage> DeadLetters { get; } = [];
    public bool IsEmpty => Delivered.Count == 0 && Expired.Count == 0 && DeadLetters.Count == 0;
}

internal sealed partial class SqsQueue
{
    private const long DedupWindowMs = 5 * 60 * 1000;

    /// <summary>
    /// Takes up to <paramref name="max"/> visible messages and puts them in flight for
    /// <paramref name="visibilitySeconds"/>. A message already received maxReceiveCount times is not delivered
    /// again but handed back as a dead letter
    /// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html).
    /// </summary>
    public TakeResult TakeLocked(int max, int visibilitySeconds, long now, RedrivePolicy? redrive)
    {
        PromoteLocked(now);
        var result = new TakeResult();
        var retentionCutoff = now - Attributes.RetentionSeconds * 1000L;
        if (IsFifo) TakeFifoLocked(result, max, visibilitySeconds, now, redrive, retentionCutoff);
        else TakeStandardLocked(result, max, visibilitySeconds, now, redrive, retentionCutoff);
        return result;
    }

    private void TakeStandardLocked(TakeResult result, int max, int visibilitySeconds, long now, RedrivePolicy? redrive, long retentionCutoff)
    {
        while (result.Delivered.Count < max && _ready.TryDequeue(out var seq))
        {
            if (!_messages.TryGetValue(seq, out var message) || message.State != MessageState.Ready) continue;
            TryDeliverLocked(result, message, visibilitySeconds, now, redrive, retentionCutoff);
        }
    }

    private void TakeFifoLocked(TakeResult result, int max, int visibilitySeconds, long now, RedrivePolicy? redrive, long retentionCutoff)
    {
        var open = _groups.Values.Where(g => g.InFlight == 0 && g.Messages.Count > 0).OrderBy(g => g.Messages.Min).ToList();
        foreach (var group in open)
        {
            foreach (var seq in group.Messages.ToList())
            {
                if (result.Delivered.Count >= max) return;
                var message = _messages[seq];
                // Order within a group is strict: a message not yet visible holds back the ones after it.
                if (message.State != MessageState.Ready) break;
                if (!TryDeliverLocked(result, message, visibilitySeconds, now, redrive, retentionCutoff) && group.InFlight > 0) break;
            }
        }
    }

    private bool TryDeliverLocked(TakeResult result, SqsMessage message, int visibilitySeconds, long now, RedrivePolicy? redrive, long retentionCutoff)
    {
        if (message.SentAt <= retentionCutoff)
        {
            RemoveLocked(message.Seq);
            result.Expired.Add(message);
            return false;
        }
        if (redrive is not null && message.ReceiveCount >= redrive.MaxReceiveCount)
        {
            RemoveLocked(message.Seq);
            result.DeadLetters.Add(message);
            return false;
        }
        message.ReceiveCount++;
        if (message.FirstReceivedAt == 0) message.FirstReceivedAt = now;
        message.ReceiptToken = _nextToken++;
        message.VisibleAt = now + visibilitySeconds * 1000L;
        message.State = MessageState.InFlight;
        if (IsFifo && message.GroupId is not null) GroupOf(message.GroupId).InFlight++;
        _timeline.Enqueue(message.Seq, message.VisibleAt);
        result.Delivered.Add(message);
        return true;
    }

    /// <summary>
    /// Checks a FIFO deduplication key; when unseen in the last 5 minutes, reserves it for <paramref name="messageId"/>
    /// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/using-messagededuplicationid-property.html).
    /// </summary>
    public DedupEntry? DeduplicateLocked(string key, string messageId, string? sequenceNumber, long now)
    {
        if (_dedup.TryGetValue(key, out var seen) && seen.ExpiresAt > now) return seen;
        if (_dedup.Count > 10_000) SweepDedupLocked(now);
        _dedup[key] = new DedupEntry(messageId, sequenceNumber, now + DedupWindowMs);
        return null;
    }

    public void ForgetDedupLocked(string key) => _dedup.Remove(key);

    private void SweepDedupLocked(long now)
    {
        foreach (var key in _dedup.Where(p => p.Value.ExpiresAt <= now).Select(p => p.Key).ToList()) _dedup.Remove(key);
    }

    /// <summary>The deliveries of an earlier receive with this attempt id, if all are still in flight.</summary>
    public List<SqsMessage>? ReplayAttemptLocked(string attemptId, long now)
    {
        if (!_attempts.TryGetValue(attemptId, out var attempt) || attempt.ExpiresAt <= now) return null;
        var messages = new List<SqsMessage>();
        foreach (var (seq, token) in attempt.Deliveries)
        {
            if (!_messages.TryGetValue(seq, out var m) || m.ReceiptToken != token || m.State != MessageState.InFlight) return null;
            messages.Add(m);
        }
        return messages;
    }

    public void RememberAttemptLocked(string attemptId, List<SqsMessage> delivered, long now)
    {
        if (_attempts.Count > 1000)
        {
            foreach (var key in _attempts.Where(p => p.Value.ExpiresAt <= now).Select(p => p.Key).ToList()) _attempts.Remove(key);
        }
        _attempts[attemptId] = new ReceiveAttempt(now + DedupWindowMs, delivered.Select(m => (m.Seq, m.ReceiptToken)).ToArray());
    }
}
