using System.Globalization;
using Stratus.Contracts.Sqs;
using Stratus.Protocols;
using Stratus.Services.Sqs.Model;

namespace Stratus.Services.Sqs;

public sealed partial class SqsApi
{
    public override async ValueTask<CreateQueueResult> CreateQueueAsync(CreateQueueRequest request, AwsCallContext context)
    {
        var name = request.QueueName!;
        if (!QueueId.IsValidName(name))
        {
            throw SqsErrors.InvalidParameterValue("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }
        var id = new QueueId(context.AccountId, context.Region, name);
        var now = Now;
        if (_queues.Find(id) is { } existing) return Existing(existing, request, context);
        if (_queues.DeletedRecently(id, now)) throw SqsErrors.QueueDeletedRecently();
        var attributes = QueueAttributes.ForNewQueue(request.Attributes, id.IsFifoName);
        ValidateRedrive(attributes, id);
        var tags = new Dictionary<string, string>(request.Tags ?? [], StringComparer.Ordinal);
        if (tags.Count > 50) throw SqsErrors.TooManyTags();
        var queue = new SqsQueue(id, attributes, now, tags);
        if (!_queues.TryAdd(queue)) return Existing(_queues.Find(id)!, request, context);
        await _store.SaveQueueAsync(queue).ConfigureAwait(false);
        return new CreateQueueResult { QueueUrl = id.UrlOn(HostOf(context)) };
    }

    /// <summary>CreateQueue is idempotent for identical attributes and refuses a different definition.</summary>
    private CreateQueueResult Existing(SqsQueue queue, CreateQueueRequest request, AwsCallContext context)
    {
        string? difference;
        lock (queue.Sync) difference = queue.Attributes.FirstDifference(request.Attributes);
        if (difference is not null) throw SqsErrors.QueueNameExists(difference);
        return new CreateQueueResult { QueueUrl = queue.Id.UrlOn(HostOf(context)) };
    }

    public override ValueTask<GetQueueUrlResult> GetQueueUrlAsync(GetQueueUrlRequest request, AwsCallContext context)
    {
        var account = request.QueueOwnerAWSAccountId ?? context.AccountId;
        var queue = _queues.Find(new QueueId(account, context.Region, request.QueueName!)) ?? throw SqsErrors.QueueDoesNotExist();
        return ValueTask.FromResult(new GetQueueUrlResult { QueueUrl = queue.Id.UrlOn(HostOf(context)) });
    }

    public override ValueTask<ListQueuesResult> ListQueuesAsync(ListQueuesRequest request, AwsCallContext context)
    {
        var names = _queues.InScope(context.AccountId, context.Region)
            .Where(q => request.QueueNamePrefix is null || q.Id.Name.StartsWith(request.QueueNamePrefix, StringComparison.Ordinal))
            .Select(q => q.Id)
            .OrderBy(id => id.Name, StringComparer.Ordinal);
        var (page, next) = Paginate(names, request.MaxResults, request.NextToken, id => id.Name);
        return ValueTask.FromResult(new ListQueuesResult
        {
            QueueUrls = page.Count == 0 ? null : page.Select(id => id.UrlOn(HostOf(context))).ToList(),
            NextToken = next,
        });
    }

    public override async ValueTask DeleteQueueAsync(DeleteQueueRequest request, AwsCallContext context)
    {
        var queue = Resolve(request.QueueUrl, context);
        if (!_queues.Remove(queue, Now)) throw SqsErrors.QueueDoesNotExist();
        lock (queue.Sync)
        {
            queue.Deleted = true;
            queue.SignalLocked();
        }
        await _store.DeleteQueueAsync(queue).ConfigureAwait(false);
    }

    public override async ValueTask PurgeQueueAsync(PurgeQueueRequest request, AwsCallContext context)
    {
        var queue = Resolve(request.QueueUrl, context);
        var now = Now;
        lock (queue.Sync)
        {
            // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_PurgeQueue.html
            if (now - queue.LastPurgeAt < 60_000) throw SqsErrors.PurgeQueueInProgress(queue.Id.UrlOn(HostOf(context)));
            queue.LastPurgeAt = now;
            queue.PurgeLocked();
        }
        await _store.PurgeAsync(queue).ConfigureAwait(false);
    }

    public override ValueTask<GetQueueAttributesResult> GetQueueAttributesAsync(GetQueueAttributesRequest request, AwsCallContext context)
    {
        var queue = Resolve(request.QueueUrl, context);
        var requested = request.AttributeNames ?? [];
        foreach (var name in requested)
        {
            if (name != "All" && !QueueAttributes.IsKnown(name)) throw SqsErrors.InvalidAttributeName(name);
        }
        var all = requested.Contains("All");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        lock (queue.Sync)
        {
            var counts = queue.CountsLocked(Now);
            void Add(string name, string value)
            {
                if (all || requested.Contains(name)) values[name] = value;
            }
            foreach (var (name, value) in queue.Attributes.Values) Add(name, value);
            Add("ApproximateNumberOfMessages", counts.Visible.ToString(CultureInfo.InvariantCulture));
            Add("ApproximateNumberOfMessagesNotVisible", counts.InFlight.ToString(CultureInfo.InvariantCulture));
            Add("ApproximateNumberOfMessagesDelayed", counts.Delayed.ToString(CultureInfo.InvariantCulture));
            Add("CreatedTimestamp", (queue.CreatedAt / 1000).ToString(CultureInfo.InvariantCulture));
            Add("LastModifiedTimestamp", (queue.LastModifiedAt / 1000).ToString(CultureInfo.InvariantCulture));
            Add("QueueArn", queue.Id.Arn);
        }
        return ValueTask.FromResult(new GetQueueAttributesResult { Attributes = values.Count == 0 ? null : values });
    }

    public override async ValueTask SetQueueAttributesAsync(SetQueueAttributesRequest request, AwsCallContext context)
    {
        var queue = Resolve(request.QueueUrl, context);
        if (request.Attributes is not { Count: > 0 } given) return;
        lock (queue.Sync)
        {
            // Validate on a copy so a refused change leaves the queue as it was.
            var candidate = new QueueAttributes(new Dictionary<string, string>(queue.Attributes.Values, StringComparer.Ordinal));
            candidate.Apply(given, creating: false);
            ValidateRedrive(candidate, queue.Id);
            queue.Attributes.Apply(given, creating: false);
            queue.LastModifiedAt = Now;
        }
        await _store.SaveQueueAsync(queue).ConfigureAwait(false);
    }

    /// <summary>Checks a RedrivePolicy and RedriveAllowPolicy as SQS does when they are set.</summary>
    private void ValidateRedrive(QueueAttributes attributes, QueueId source)
    {
        if (attributes.Values.TryGetValue("RedriveAllowPolicy", out var allow) && !RedriveAllowPolicy.IsValid(allow))
        {
            throw SqsErrors.InvalidParameter("RedriveAllowPolicy", allow, "Invalid RedriveAllowPolicy");
        }
        if (!attributes.Values.TryGetValue("RedrivePolicy", out var json)) return;
        var policy = attributes.Redrive
            ?? throw SqsErrors.InvalidParameter("RedrivePolicy", json, "Redrive policy is not a valid JSON map, or maxReceiveCount is not between 1 and 1000");
        var target = _queues.FindByArn(policy.DeadLetterTargetArn)
            ?? throw SqsErrors.InvalidParameter("RedrivePolicy", json, "Dead letter target does not exist");
        if (target.IsFifo != attributes.IsFifo)
        {
            throw SqsErrors.InvalidParameter("RedrivePolicy", json, "Dead-letter queue must be same type of queue as the source");
        }
        if (!RedriveAllowPolicy.Allows(target.Attributes.RedriveAllowPolicy, source.Arn))
        {
            throw SqsErrors.InvalidParameter("RedrivePolicy", json, $"Queue {source.Arn} is not allowed to use {target.Id.Arn} as a dead-letter queue");
        }
    }

    public override ValueTask<ListDeadLetterSourceQueuesResult> ListDeadLetterSourceQueuesAsync(ListDeadLetterSourceQueuesRequest request, AwsCallContext context)
    {
        var target = Resolve(request.QueueUrl, context);
        var sources = _queues.InScope(target.Id.Account, target.Id.Region)
            .Where(q => q.Attributes.Redrive?.DeadLetterTargetArn == target.Id.Arn)
            .Select(q => q.Id)
            .OrderBy(id => id.Name, StringComparer.Ordinal);
        var (page, next) = Paginate(sources, request.MaxResults, request.NextToken, id => id.Name);
        return ValueTask.FromResult(new ListDeadLetterSourceQueuesResult
        {
            QueueUrls = page.Select(id => id.UrlOn(HostOf(context))).ToList(),
            NextToken = next,
        });
    }

    /// <summary>SQS pagination: MaxResults 1..1000; a NextToken only when MaxResults was given and more remain.</summary>
    private static (List<T> Page, string? Next) Paginate<T>(IEnumerable<T> ordered, int? maxResults, string? nextToken, Func<T, string> key)
    {
        if (maxResults is < 1 or > 1000)
        {
            throw SqsErrors.InvalidParameter("MaxResults", maxResults.Value.ToString(CultureInfo.InvariantCulture), "MaxResults must be an integer between 1 and 1000");
        }
        var after = nextToken is null ? null : PageToken.Decode(nextToken) ?? throw SqsErrors.InvalidParameterValue("Invalid NextToken value.");
        var remaining = after is null ? ordered : ordered.Where(item => string.CompareOrdinal(key(item), after) > 0);
        var limit = maxResults ?? 1000;
        var page = remaining.Take(limit + 1).ToList();
        if (page.Count <= limit) return (page, null);
        page.RemoveAt(limit);
        return (page, maxResults is null ? null : PageToken.Encode(key(page[^1])));
    }
}
