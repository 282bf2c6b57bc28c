using System.Globalization;
using Stratus.Contracts.Sqs;
using Stratus.Protocols;
using Stratus.Services.Sqs.Model;
using Stratus.Storage;

namespace Stratus.Services.Sqs;

public sealed partial class SqsApi
{
    public override async ValueTask DeleteMessageAsync(DeleteMessageRequest request, AwsCallContext context)
    {
        var queue = Resolve(request.QueueUrl, context);
        var handle = ParseHandle(request.ReceiptHandle!);
        var batch = new WriteBatch();
        lock (queue.Sync)
        {
            if (queue.RemoveLocked(handle.Seq)) SqsStore.DeleteMessage(batch, queue, handle.Seq);
        }
        if (batch.Count > 0) await _store.CommitAsync(batch).ConfigureAwait(false);
    }

    public override async ValueTask<DeleteMessageBatchResult> DeleteMessageBatchAsync(DeleteMessageBatchRequest request, AwsCallContext context)
    {
        var queue = Resolve(request.QueueUrl, context);
        var entries = request.Entries ?? [];
        BatchRules.Check(entries.Select(e => e.Id), "DeleteMessageBatchRequestEntry");
        var successful = new List<DeleteMessageBatchResultEntry>();
        var failed = new List<BatchResultErrorEntry>();
        var batch = new WriteBatch();
        lock (queue.Sync)
        {
            foreach (var entry in entries)
            {
                var handle = ReceiptHandle.TryDecode(entry.ReceiptHandle);
                if (handle is null)
                {
                    failed.Add(BatchRules.Failure(entry.Id!, SqsErrors.ReceiptHandleIsInvalid(entry.ReceiptHandle ?? "")));
                    continue;
                }
                if (queue.RemoveLocked(handle.Value.Seq)) SqsStore.DeleteMessage(batch, queue, handle.Value.Seq);
                successful.Add(new DeleteMessageBatchResultEntry { Id = entry.Id });
            }
        }
        if (batch.Count > 0) await _store.CommitAsync(batch).ConfigureAwait(false);
        return new DeleteMessageBatchResult { Successful = successful, Failed = failed };
    }

    public override ValueTask ChangeMessageVisibilityAsync(ChangeMessageVisibilityRequest request, AwsCallContext context)
    {
        var queue = Resolve(request.QueueUrl, context);
        var handle = ParseHandle(request.ReceiptHandle!);
        ChangeVisibility(queue, handle, request.VisibilityTimeout!.Value);
        return ValueTask.CompletedTask;
    }

    public override ValueTask<ChangeMessageVisibilityBatchResult> ChangeMessageVisibilityBatchAsync(ChangeMessageVisibilityBatchRequest request, AwsCallContext context)
    {
        var queue = Resolve(request.QueueUrl, context);
        var entries = request.Entries ?? [];
        BatchRules.Check(entries.Select(e => e.Id), "ChangeMessageVisibilityBatchRequestEntry");
        var successful = new List<ChangeMessageVisibilityBatchResultEntry>();
        var failed = new List<BatchResultErrorEntry>();
        foreach (var entry in entries)
        {
            try
            {
                ChangeVisibility(queue, ParseHandle(entry.ReceiptHandle ?? ""), entry.VisibilityTimeout ?? 0);
                successful.Add(new ChangeMessageVisibilityBatchResultEntry { Id = entry.Id });
            }
            catch (AwsServiceException e)
            {
                failed.Add(BatchRules.Failure(entry.Id!, e));
            }
        }
        return ValueTask.FromResult(new ChangeMessageVisibilityBatchResult { Successful = successful, Failed = failed });
    }

    /// <summary>
    /// Visibility changes are not persisted: after a restart every in-flight message is visible again, which
    /// at-least-once delivery allows.
    /// </summary>
    private void ChangeVisibility(SqsQueue queue, ReceiptHandle handle, int seconds)
    {
        if (seconds is < 0 or > 43_200)
        {
            throw SqsErrors.InvalidParameter("VisibilityTimeout", seconds.ToString(CultureInfo.InvariantCulture), "Must be >= 0 and <= 43200, if provided");
        }
        lock (queue.Sync)
        {
            if (!queue.ChangeVisibilityLocked(handle, seconds, Now)) throw SqsErrors.MessageNotInflight();
        }
    }

    private static ReceiptHandle ParseHandle(string handle) =>
        ReceiptHandle.TryDecode(handle) ?? throw SqsErrors.ReceiptHandleIsInvalid(handle);
}
