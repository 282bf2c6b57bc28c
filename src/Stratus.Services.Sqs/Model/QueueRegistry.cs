using System.Collections.Concurrent;

namespace Stratus.Services.Sqs.Model;

/// <summary>Every queue of every account and region, by name; plus names deleted in the last 60 seconds.</summary>
internal sealed class QueueRegistry
{
    private readonly ConcurrentDictionary<string, SqsQueue> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _recentlyDeleted = new(StringComparer.Ordinal);

    public SqsQueue? Find(QueueId id) => _queues.GetValueOrDefault(id.Key);

    public SqsQueue? FindByArn(string arn) => QueueId.FromArn(arn) is { } id ? Find(id) : null;

    public bool TryAdd(SqsQueue queue) => _queues.TryAdd(queue.Id.Key, queue);

    public bool Remove(SqsQueue queue, long now)
    {
        if (!_queues.TryRemove(KeyValuePair.Create(queue.Id.Key, queue))) return false;
        _recentlyDeleted[queue.Id.Key] = now;
        return true;
    }

    /// <summary>
    /// SQS refuses to recreate a queue name for 60 seconds after its deletion
    /// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_DeleteQueue.html).
    /// </summary>
    public bool DeletedRecently(QueueId id, long now) =>
        _recentlyDeleted.TryGetValue(id.Key, out var at) && now - at < 60_000;

    public IEnumerable<SqsQueue> InScope(string account, string region) =>
        _queues.Values.Where(q => q.Id.Account == account && q.Id.Region == region);

    public IEnumerable<SqsQueue> All => _queues.Values;

    public void Clear()
    {
        _queues.Clear();
        _recentlyDeleted.Clear();
    }
}
