using System.Globalization;
using Stratus.Contracts.Sqs;
using Stratus.Protocols;
using Stratus.Services.Sqs.Model;
using Stratus.Storage;

namespace Stratus.Services.Sqs;

public sealed partial class SqsApi
{
    private readonly record struct SendOutcome(string MessageId, SendDraft Draft, string? SequenceNumber);

    public override async ValueTask<SendMessageResult> SendMessageAsync(SendMessageRequest request, AwsCallContext context)
    {
        var queue = Resolve(request.QueueUrl, context);
        var draft = MessageValidator.Validate(queue.Attributes, request.MessageBody, request.DelaySeconds, request.MessageAttributes,
            request.MessageSystemAttributes, request.MessageGroupId, request.MessageDeduplicationId);
        var outcome = (await SendAsync(queue, [draft], context).ConfigureAwait(false))[0];
        return new SendMessageResult
        {
            MessageId = outcome.MessageId,
            MD5OfMessageBody = draft.Md5OfBody,
            MD5OfMessageAttributes = draft.Md5OfAttributes,
            MD5OfMessageSystemAttributes = draft.Md5OfSystemAttributes,
            SequenceNumber = outcome.SequenceNumber,
        };
    }

    public override async ValueTask<SendMessageBatchResult> SendMessageBatchAsync(SendMessageBatchRequest request, AwsCallContext context)
    {
        var queue = Resolve(request.QueueUrl, context);
        var entries = request.Entries ?? [];
        BatchRules.Check(entries.Select(e => e.Id), "SendMessageBatchRequestEntry");
        var total = entries.Sum(e => (long)System.Text.Encoding.UTF8.GetByteCount(e.MessageBody ?? "") +
            (e.MessageAttributes?.Sum(a => a.Key.Length + (a.Value.DataType?.Length ?? 0) + (a.Value.StringValue?.Length ?? 0) + (a.Value.BinaryValue?.Length ?? 0)) ?? 0));
        if (total > QueueAttributes.MaxMessageSizeLimit) throw SqsErrors.BatchRequestTooLong(total, QueueAttributes.MaxMessageSizeLimit);
        var failed = new List<BatchResultErrorEntry>();
        var accepted = new List<(string Id, SendDraft Draft)>();
        foreach (var entry in entries)
        {
            try
            {
                accepted.Add((entry.Id!, MessageValidator.Validate(queue.Attributes, entry.MessageBody, entry.DelaySeconds, entry.MessageAttributes,
                    entry.MessageSystemAttributes, entry.MessageGroupId, entry.MessageDeduplicationId)));
            }
            catch (AwsServiceException e)
            {
                failed.Add(BatchRules.Failure(entry.Id!, e));
            }
        }
        var outcomes = accepted.Count == 0 ? [] : await SendAsync(queue, accepted.Select(a => a.Draft).ToArray(), context).ConfigureAwait(false);
        return new SendMessageBatchResult
        {
            Successful = outcomes.Select((o, i) => new SendMessageBatchResultEntry
            {
                Id = accepted[i].Id,
                MessageId = o.MessageId,
                MD5OfMessageBody = o.Draft.Md5OfBody,
                MD5OfMessageAttributes = o.Draft.Md5OfAttributes,
                MD5OfMessageSystemAttributes = o.Draft.Md5OfSystemAttributes,
                SequenceNumber = o.SequenceNumber,
            }).ToList(),
            Failed = failed,
        };
    }

    /// <summary>
    /// Sends validated drafts: FIFO duplicates within the deduplication window are acknowledged without being
    /// queued again; new messages are made durable first and only then become visible.
    /// </summary>
    private async ValueTask<SendOutcome[]> SendAsync(SqsQueue queue, SendDraft[] drafts, AwsCallContext context)
    {
        var now = Now;
        var outcomes = new SendOutcome[drafts.Length];
        var fresh = new List<SqsMessage>(drafts.Length);
        var reserved = new List<string>();
        lock (queue.Sync)
        {
            for (var i = 0; i < drafts.Length; i++)
            {
                var draft = drafts[i];
                var seq = queue.NextSeqLocked();
                var messageId = Guid.NewGuid().ToString();
                string? sequenceNumber = null;
                if (queue.IsFifo)
                {
                    sequenceNumber = "1" + seq.ToString("D19", CultureInfo.InvariantCulture);
                    var key = DedupKey(queue, draft.GroupId, draft.DeduplicationId!);
                    if (queue.DeduplicateLocked(key, messageId, sequenceNumber, now) is { } seen)
                    {
                        outcomes[i] = new SendOutcome(seen.MessageId, draft, seen.SequenceNumber);
                        continue;
                    }
                    reserved.Add(key);
                }
                var delay = draft.DelaySeconds ?? queue.Attributes.DelaySeconds;
                fresh.Add(new SqsMessage
                {
                    Seq = seq, MessageId = messageId, Body = draft.Body, Md5OfBody = draft.Md5OfBody,
                    Attributes = draft.Attributes, Md5OfAttributes = draft.Md5OfAttributes,
                    TraceHeader = draft.TraceHeader, Md5OfSystemAttributes = draft.Md5OfSystemAttributes,
                    SentAt = now, VisibleAt = now + delay * 1000L, GroupId = draft.GroupId,
                    DeduplicationId = queue.IsFifo ? draft.DeduplicationId : null, SequenceNumber = sequenceNumber,
                    SenderId = context.AccessKeyId ?? context.AccountId,
                });
                outcomes[i] = new SendOutcome(messageId, draft, sequenceNumber);
            }
        }
        if (fresh.Count == 0) return outcomes;
        var batch = new WriteBatch();
        foreach (var message in fresh) SqsStore.PutMessage(batch, queue, message);
        try
        {
            await _store.CommitAsync(batch).ConfigureAwait(false);
        }
        catch
        {
            lock (queue.Sync)
            {
                foreach (var key in reserved) queue.ForgetDedupLocked(key);
            }
            throw;
        }
        lock (queue.Sync)
        {
            foreach (var message in fresh) queue.AddLocked(message, now);
        }
        return outcomes;
    }

    private static string DedupKey(SqsQueue queue, string? groupId, string deduplicationId) =>
        queue.Attributes.DeduplicationPerGroup ? groupId + "\n" + deduplicationId : deduplicationId;
}

/// <summary>The rules every SQS batch request shares: 1 to 10 entries with distinct, well-formed ids.</summary>
internal static class BatchRules
{
    public static void Check(IEnumerable<string?> ids, string entryName)
    {
        var list = ids.ToList();
        if (list.Count == 0) throw SqsErrors.EmptyBatchRequest(entryName);
        if (list.Count > 10) throw SqsErrors.TooManyEntriesInBatchRequest(list.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in list)
        {
            if (string.IsNullOrEmpty(id) || id.Length > 80 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw SqsErrors.InvalidBatchEntryId();
            }
            if (!seen.Add(id)) throw SqsErrors.BatchEntryIdsNotDistinct(id);
        }
    }

    public static BatchResultErrorEntry Failure(string id, AwsServiceException error) =>
        new() { Id = id, Code = error.Code, Message = error.Message, SenderFault = error.SenderFault };
}
