namespace Stratus.Services.Sqs.Model;

/// <summary>
/// One queue and its messages. All state is guarded by <see cref="Sync"/>; methods ending in Locked must be
/// called holding it. Messages not yet visible (delayed or in flight) wait in a timeline ordered by the time
/// they become visible; visible messages wait in arrival order (standard) or per message group (FIFO).
/// Stale entries in those structures are skipped lazily, so every change is O(log n).
/// </summary>
internal sealed partial class SqsQueue
{
    private readonly Dictionary<long, SqsMessage> _messages = [];
    private readonly PriorityQueue<long, long> _timeline = new();
    private readonly Queue<long> _ready = new();
    private readonly Dictionary<string, FifoGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DedupEntry> _dedup = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReceiveAttempt> _attempts = new(StringComparer.Ordinal);
    private TaskCompletionSource? _signal;
    private long _nextSeq = 1;
    private long _nextToken = 1;

    public SqsQueue(QueueId id, QueueAttributes attributes, long createdAt, Dictionary<string, string> tags)
    {
        Id = id;
        Attributes = attributes;
        CreatedAt = createdAt;
        LastModifiedAt = createdAt;
        Tags = tags;
    }

    public Lock Sync { get; } = new();
    public QueueId Id { get; }
    public QueueAttributes Attributes { get; }
    public long CreatedAt { get; }
    public long LastModifiedAt { get; set; }
    public Dictionary<string, string> Tags { get; }
    public long LastPurgeAt { get; set; } = long.MinValue / 2;
    public bool Deleted { get; set; }
    public bool IsFifo => Attributes.IsFifo;

    public long NextSeqLocked() => _nextSeq++;

    public int CountLocked => _messages.Count;

    /// <summary>Adds a persisted message; it becomes visible at <see cref="SqsMessage.VisibleAt"/>.</summary>
    public void AddLocked(SqsMessage message, long now)
    {
        _messages[message.Seq] = message;
        if (message.Seq >= _nextSeq) _nextSeq = message.Seq + 1;
        if (message.GroupId is not null && IsFifo) GroupOf(message.GroupId).Messages.Add(message.Seq);
        if (message.VisibleAt > now)
        {
            message.State = message.ReceiveCount > 0 && message.State == MessageState.InFlight ? MessageState.InFlight : MessageState.Delayed;
            if (message.State == MessageState.InFlight && IsFifo && message.GroupId is not null) GroupOf(message.GroupId).InFlight++;
            _timeline.Enqueue(message.Seq, message.VisibleAt);
        }
        else
        {
            MakeReadyLocked(message);
        }
    }

    public SqsMessage? FindLocked(long seq) => _messages.GetValueOrDefault(seq);

    /// <summary>Moves messages whose delay or visibility timeout has passed into the ready structures.</summary>
    public void PromoteLocked(long now)
    {
        while (_timeline.TryPeek(out var seq, out var due) && due <= now)
        {
            _timeline.Dequeue();
            if (_messages.TryGetValue(seq, out var message) && message.State != MessageState.Ready && message.VisibleAt == due)
            {
                if (message.State == MessageState.InFlight && IsFifo && message.GroupId is not null) GroupOf(message.GroupId).InFlight--;
                MakeReadyLocked(message);
            }
        }
    }

    private void MakeReadyLocked(SqsMessage message)
    {
        message.State = MessageState.Ready;
        if (!IsFifo) _ready.Enqueue(message.Seq);
        SignalLocked();
    }

    /// <summary>Removes a message for good (deleted, expired, purged or moved to a dead-letter queue).</summary>
    public bool RemoveLocked(long seq)
    {
        if (!_messages.Remove(seq, out var message)) return false;
        if (IsFifo && message.GroupId is not null && _groups.TryGetValue(message.GroupId, out var group))
        {
            group.Messages.Remove(seq);
            if (message.State == MessageState.InFlight) group.InFlight--;
            if (group.Messages.Count == 0) _groups.Remove(message.GroupId);
        }
        return true;
    }

    public List<SqsMessage> PurgeLocked()
    {
        var all = _messages.Values.ToList();
        _messages.Clear();
        _timeline.Clear();
        _ready.Clear();
        _groups.Clear();
        return all;
    }

    /// <summary>Makes an in-flight message visible again after <paramref name="seconds"/>.</summary>
    public bool ChangeVisibilityLocked(ReceiptHandle handle, int seconds, long now)
    {
        PromoteLocked(now);
        if (!_messages.TryGetValue(handle.Seq, out var message) || message.State != MessageState.InFlight || message.ReceiptToken != handle.Token)
        {
            return false;
        }
        message.VisibleAt = now + seconds * 1000L;
        if (seconds == 0)
        {
            if (IsFifo && message.GroupId is not null) GroupOf(message.GroupId).InFlight--;
            MakeReadyLocked(message);
        }
        else
        {
            _timeline.Enqueue(message.Seq, message.VisibleAt);
        }
        return true;
    }

    /// <summary>Counts of visible, in-flight and delayed messages (the Approximate* attributes).</summary>
    public (int Visible, int InFlight, int Delayed) CountsLocked(long now)
    {
        PromoteLocked(now);
        int visible = 0, inFlight = 0, delayed = 0;
        foreach (var message in _messages.Values)
        {
            switch (message.State)
            {
                case MessageState.Ready: visible++; break;
                case MessageState.InFlight: inFlight++; break;
                default: delayed++; break;
            }
        }
        return (visible, inFlight, delayed);
    }

    /// <summary>Messages past the retention period, removed from the queue.</summary>
    public List<SqsMessage> ExpireLocked(long now)
    {
        var cutoff = now - Attributes.RetentionSeconds * 1000L;
        var expired = _messages.Values.Where(m => m.SentAt <= cutoff).ToList();
        foreach (var message in expired) RemoveLocked(message.Seq);
        return expired;
    }

    /// <summary>The earliest time a delayed or in-flight message becomes visible (may be stale, never late).</summary>
    public long? NextDueLocked() => _timeline.TryPeek(out _, out var due) ? due : null;

    /// <summary>A task completed the next time a message becomes visible; long polls wait on it.</summary>
    public Task WaitForMessagesLocked() => (_signal ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void SignalLocked()
    {
        var signal = _signal;
        if (signal is null) return;
        _signal = null;
        signal.TrySetResult();
    }

    public IEnumerable<SqsMessage> MessagesLocked => _messages.Values;

    private FifoGroup GroupOf(string groupId)
    {
        if (!_groups.TryGetValue(groupId, out var group))
        {
            group = new FifoGroup();
            _groups[groupId] = group;
        }
        return group;
    }
}
