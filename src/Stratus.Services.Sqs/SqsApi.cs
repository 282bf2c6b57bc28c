using Stratus.Contracts.Sqs;
using Stratus.Protocols;
using Stratus.Services.Sqs.Model;

namespace Stratus.Services.Sqs;

/// <summary>
/// The SQS API (2012-11-05): operations named as AWS names them, thin over the queue model.
/// Partial files group the operations by area.
/// </summary>
public sealed partial class SqsApi : SqsApiBase
{
    private readonly QueueRegistry _queues;
    private readonly SqsStore _store;
    private readonly TimeProvider _time;
    private readonly Func<string> _defaultHost;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Url, string Region), SqsQueue> _resolved = new();

    internal SqsApi(QueueRegistry queues, SqsStore store, TimeProvider time, Func<string> defaultHost)
    {
        _queues = queues;
        _store = store;
        _time = time;
        _defaultHost = defaultHost;
    }

    private long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The host and port the caller reached us on, so returned queue URLs work for that caller.</summary>
    private string HostOf(AwsCallContext context) =>
        context.Http?.Request.Host.Value is { Length: > 0 } host ? host : _defaultHost();

    /// <summary>
    /// Finds the queue a QueueUrl names. URLs resolve by their path (/account/name) whatever host and port they
    /// carry; a bare queue name means the caller's own account.
    /// </summary>
    private SqsQueue Resolve(string? queueUrl, AwsCallContext context)
    {
        if (string.IsNullOrEmpty(queueUrl)) throw SqsErrors.MissingParameter("QueueUrl");
        // Every message operation names its queue by URL: remember what each URL resolved to.
        if (_resolved.TryGetValue((queueUrl, context.Region), out var known) && !known.Deleted) return known;
        var queue = ResolveUncached(queueUrl, context);
        if (_resolved.Count > 10_000) _resolved.Clear();
        _resolved[(queueUrl, context.Region)] = queue;
        return queue;
    }

    private SqsQueue ResolveUncached(string queueUrl, AwsCallContext context)
    {
        var account = context.AccountId;
        string name;
        var path = Uri.TryCreate(queueUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsolutePath : queueUrl;
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (segments.Length)
        {
            case 1:
                name = segments[0];
                break;
            case >= 2:
                account = segments[^2];
                name = segments[^1];
                break;
            default:
                throw SqsErrors.QueueDoesNotExist();
        }
        var queue = _queues.Find(new QueueId(account, RegionOf(uri) ?? context.Region, name));
        return queue is { Deleted: false } ? queue : throw SqsErrors.QueueDoesNotExist();
    }

    /// <summary>AWS-style URLs name their region in the host (sqs.eu-west-1.amazonaws.com).</summary>
    private static string? RegionOf(Uri? uri)
    {
        var labels = uri?.Host.Split('.');
        return labels is { Length: >= 3 } && labels[0] == "sqs" && labels[1].Count(c => c == '-') >= 2 ? labels[1] : null;
    }

    internal async ValueTask LoadAsync()
    {
        var now = Now;
        foreach (var (queue, messages) in _store.Load())
        {
            _queues.TryAdd(queue);
            lock (queue.Sync)
            {
                foreach (var message in messages)
                {
                    queue.AddLocked(message, now);
                    if (queue.IsFifo && message.DeduplicationId is not null && message.SentAt + 300_000 > now)
                    {
                        queue.DeduplicateLocked(DedupKey(queue, message.GroupId, message.DeduplicationId), message.MessageId, message.SequenceNumber, message.SentAt);
                    }
                }
            }
        }
        await ValueTask.CompletedTask.ConfigureAwait(false);
    }

    internal void Reset()
    {
        foreach (var queue in _queues.All)
        {
            lock (queue.Sync)
            {
                queue.Deleted = true;
                queue.SignalLocked();
            }
        }
        _queues.Clear();
        _resolved.Clear();
    }

    /// <summary>Drops messages past their retention period (called periodically).</summary>
    internal async Task ExpireAsync()
    {
        var now = Now;
        foreach (var queue in _queues.All)
        {
            List<SqsMessage> expired;
            lock (queue.Sync) expired = queue.ExpireLocked(now);
            if (expired.Count == 0) continue;
            var batch = new Storage.WriteBatch();
            foreach (var message in expired) SqsStore.DeleteMessage(batch, queue, message.Seq);
            await _store.CommitAsync(batch).ConfigureAwait(false);
        }
    }
}
