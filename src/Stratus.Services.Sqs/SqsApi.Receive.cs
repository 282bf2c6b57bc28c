using System.Globalization;
using Stratus.Contracts.Sqs;
using Stratus.Protocols;
using Stratus.Services.Sqs.Model;
using Stratus.Storage;

namespace Stratus.Services.Sqs;

public sealed partial class SqsApi
{
    public override async ValueTask<ReceiveMessageResult> ReceiveMessageAsync(ReceiveMessageRequest request, AwsCallContext context)
    {
        var queue = Resolve(request.QueueUrl, context);
        var max = request.MaxNumberOfMessages ?? 1;
        if (max is < 1 or > 10) throw SqsErrors.InvalidParameter("MaxNumberOfMessages", Text(max), "Must be between 1 and 10, if provided");
        var wait = request.WaitTimeSeconds ?? queue.Attributes.ReceiveWaitSeconds;
        if (wait is < 0 or > 20) throw SqsErrors.InvalidParameter("WaitTimeSeconds", Text(wait), "Must be >= 0 and <= 20, if provided");
        var visibility = request.VisibilityTimeout ?? queue.Attributes.VisibilityTimeout;
        if (visibility is < 0 or > 43_200) throw SqsErrors.InvalidParameter("VisibilityTimeout", Text(visibility), "Must be >= 0 and <= 43200, if provided");
        var view = new ReceiveView(request);
        var deadline = Now + wait * 1000L;
        while (true)
        {
            var now = Now;
            var redrive = queue.Attributes.Redrive is { } policy && _queues.FindByArn(policy.DeadLetterTargetArn) is { } dlq ? (policy, dlq) : default;
            Task signal;
            long? nextDue;
            List<Message> messages;
            WriteBatch batch;
            TakeResult take;
            lock (queue.Sync)
            {
                if (queue.Deleted) throw SqsErrors.QueueDoesNotExist();
                var replay = request.ReceiveRequestAttemptId is { } attempt && queue.IsFifo ? queue.ReplayAttemptLocked(attempt, now) : null;
                take = new TakeResult();
                if (replay is not null) take.Delivered.AddRange(replay);
                else take = queue.TakeLocked(max, visibility, now, redrive.policy);
                if (request.ReceiveRequestAttemptId is { } id && queue.IsFifo && replay is null && take.Delivered.Count > 0)
                {
                    queue.RememberAttemptLocked(id, take.Delivered, now);
                }
                messages = take.Delivered.Select(view.Render).ToList();
                batch = new WriteBatch();
                foreach (var m in take.Delivered) SqsStore.PutMessage(batch, queue, m);
                foreach (var m in take.Expired) SqsStore.DeleteMessage(batch, queue, m.Seq);
                signal = take.IsEmpty ? queue.WaitForMessagesLocked() : Task.CompletedTask;
                nextDue = queue.NextDueLocked();
            }
            if (batch.Count > 0) await _store.CommitAsync(batch).ConfigureAwait(false);
            if (take.DeadLetters.Count > 0) await MoveToDeadLetterQueueAsync(queue, redrive.dlq!, take.DeadLetters).ConfigureAwait(false);
            if (messages.Count > 0 || now >= deadline) return new ReceiveMessageResult { Messages = messages.Count == 0 ? null : messages };
            if (!take.IsEmpty) continue;
            var until = Math.Min(deadline, nextDue ?? deadline);
            try
            {
                await signal.WaitAsync(TimeSpan.FromMilliseconds(Math.Max(1, until - now)), _time, context.Aborted).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Moves messages to the dead-letter queue atomically: gone from the source, present in the target.</summary>
    private async ValueTask MoveToDeadLetterQueueAsync(SqsQueue source, SqsQueue target, List<SqsMessage> messages)
    {
        var now = Now;
        var moved = new List<SqsMessage>(messages.Count);
        lock (target.Sync)
        {
            foreach (var m in messages) moved.Add(CopyInto(target, m, source.Id.Arn, now));
        }
        var batch = new WriteBatch();
        foreach (var m in messages) SqsStore.DeleteMessage(batch, source, m.Seq);
        foreach (var m in moved) SqsStore.PutMessage(batch, target, m);
        await _store.CommitAsync(batch).ConfigureAwait(false);
        lock (target.Sync)
        {
            foreach (var m in moved) target.AddLocked(m, now);
        }
    }

    /// <summary>A copy of a message for another queue, keeping its id, body, attributes and original send time.</summary>
    private static SqsMessage CopyInto(SqsQueue target, SqsMessage m, string? deadLetterSource, long now) => new()
    {
        Seq = target.NextSeqLocked(), MessageId = m.MessageId, Body = m.Body, Md5OfBody = m.Md5OfBody,
        Attributes = m.Attributes, Md5OfAttributes = m.Md5OfAttributes, TraceHeader = m.TraceHeader,
        Md5OfSystemAttributes = m.Md5OfSystemAttributes, SentAt = m.SentAt, VisibleAt = now,
        GroupId = m.GroupId, DeduplicationId = m.DeduplicationId, SequenceNumber = m.SequenceNumber,
        SenderId = m.SenderId, DeadLetterSourceArn = deadLetterSource, ReceiveCount = m.ReceiveCount,
        FirstReceivedAt = m.FirstReceivedAt,
    };

    /// <summary>Which system and message attributes a ReceiveMessage asked for, and how to render a message for it.</summary>
    private sealed class ReceiveView
    {
        private readonly HashSet<string> _system;
        private readonly bool _allSystem;
        private readonly List<string> _userNames;

        public ReceiveView(ReceiveMessageRequest request)
        {
            _system = new HashSet<string>((request.AttributeNames ?? []).Concat(request.MessageSystemAttributeNames ?? []), StringComparer.Ordinal);
            _allSystem = _system.Contains("All");
            _userNames = request.MessageAttributeNames ?? [];
        }

        public Message Render(SqsMessage m) => new()
        {
            MessageId = m.MessageId,
            ReceiptHandle = new ReceiptHandle(m.Seq, m.ReceiptToken).Encode(),
            MD5OfBody = m.Md5OfBody,
            Body = m.Body,
            Attributes = SystemAttributes(m),
            MessageAttributes = UserAttributes(m, out var md5),
            MD5OfMessageAttributes = md5,
        };

        private Dictionary<string, string>? SystemAttributes(SqsMessage m)
        {
            if (_system.Count == 0) return null;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            void Add(string name, string? value)
            {
                if (value is not null && (_allSystem || _system.Contains(name))) values[name] = value;
            }
            Add("SenderId", m.SenderId);
            Add("SentTimestamp", m.SentAt.ToString(CultureInfo.InvariantCulture));
            Add("ApproximateReceiveCount", m.ReceiveCount.ToString(CultureInfo.InvariantCulture));
            Add("ApproximateFirstReceiveTimestamp", m.FirstReceivedAt.ToString(CultureInfo.InvariantCulture));
            Add("SequenceNumber", m.SequenceNumber);
            Add("MessageDeduplicationId", m.DeduplicationId);
            Add("MessageGroupId", m.GroupId);
            Add("AWSTraceHeader", m.TraceHeader);
            Add("DeadLetterQueueSourceArn", m.DeadLetterSourceArn);
            return values.Count == 0 ? null : values;
        }

        private Dictionary<string, MessageAttributeValue>? UserAttributes(SqsMessage m, out string? md5)
        {
            md5 = null;
            if (m.Attributes is null || _userNames.Count == 0) return null;
            var selected = m.Attributes.Where(a => Wanted(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
            if (selected.Count == 0) return null;
            md5 = selected.Count == m.Attributes.Count ? m.Md5OfAttributes : MessageDigests.OfAttributes(selected);
            return selected.ToDictionary(a => a.Key, a => new MessageAttributeValue
            {
                DataType = a.Value.DataType, StringValue = a.Value.StringValue, BinaryValue = a.Value.BinaryValue,
            }, StringComparer.Ordinal);
        }

        /// <summary>"All" or ".*" select every attribute, "prefix.*" those under a prefix, anything else one name.</summary>
        private bool Wanted(string name)
        {
            foreach (var pattern in _userNames)
            {
                if (pattern is "All" or ".*" || pattern == name) return true;
                if (pattern.EndsWith(".*", StringComparison.Ordinal) && name.StartsWith(pattern[..^1], StringComparison.Ordinal)) return true;
            }
            return false;
        }
    }
}
