using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text;
using Stratus.Contracts.Sqs;
using Stratus.Protocols;
using Stratus.Services.Sqs.Model;
using Stratus.Storage;

namespace Stratus.Services.Sqs;

public sealed partial class SqsApi
{
    private readonly ConcurrentDictionary<string, List<MessageMoveTask>> _moveTasks = new(StringComparer.Ordinal);

    /// <summary>Runs a background loop for the lifetime of the server; set by the service.</summary>
    internal Action<string, Func<CancellationToken, Task>> RunBackground { get; set; } = (_, loop) => Task.Run(() => loop(CancellationToken.None));

    /// <summary>
    /// Redrives messages from a dead-letter queue back to their source queues, or to DestinationArn
    /// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_StartMessageMoveTask.html).
    /// </summary>
    public override ValueTask<StartMessageMoveTaskResult> StartMessageMoveTaskAsync(StartMessageMoveTaskRequest request, AwsCallContext context)
    {
        var source = _queues.FindByArn(request.SourceArn!) ?? throw SqsErrors.ResourceNotFound("The resource that you specified for the SourceArn parameter doesn't exist.");
        if (!_queues.All.Any(q => q.Attributes.Redrive?.DeadLetterTargetArn == source.Id.Arn))
        {
            throw SqsErrors.InvalidParameterValue("Source queue must be configured as a Dead Letter Queue.");
        }
        SqsQueue? destination = null;
        if (request.DestinationArn is { } destinationArn)
        {
            destination = _queues.FindByArn(destinationArn) ?? throw SqsErrors.ResourceNotFound("The resource that you specified for the DestinationArn parameter doesn't exist.");
        }
        if (request.MaxNumberOfMessagesPerSecond is < 1 or > 500)
        {
            throw SqsErrors.InvalidParameterValue("Value for parameter MaxNumberOfMessagesPerSecond is invalid. Reason: Must be between 1 and 500.");
        }
        var tasks = _moveTasks.GetOrAdd(source.Id.Arn, _ => []);
        MessageMoveTask task;
        lock (tasks)
        {
            if (tasks.Any(t => t.Status is "RUNNING" or "CANCELLING"))
            {
                throw SqsErrors.UnsupportedOperation("There is already a task running. Only one active task is allowed for a source queue arn at a given time.");
            }
            long toMove;
            lock (source.Sync) toMove = source.CountsLocked(Now).Visible;
            task = new MessageMoveTask
            {
                Handle = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Guid.NewGuid():N}|{source.Id.Arn}")),
                SourceArn = source.Id.Arn, DestinationArn = request.DestinationArn, MaxPerSecond = request.MaxNumberOfMessagesPerSecond,
                StartedAt = Now, ToMove = toMove,
            };
            tasks.Insert(0, task);
            if (tasks.Count > 10) tasks.RemoveAt(tasks.Count - 1);
        }
        RunBackground("sqs-move-" + task.Handle, ct => RunMoveTaskAsync(task, source, destination, ct));
        return ValueTask.FromResult(new StartMessageMoveTaskResult { TaskHandle = task.Handle });
    }

    private async Task RunMoveTaskAsync(MessageMoveTask task, SqsQueue source, SqsQueue? destination, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, task.Cancel.Token);
        try
        {
            while (task.Moved < task.ToMove && !linked.IsCancellationRequested)
            {
                var chunk = (int)Math.Min(task.MaxPerSecond ?? 100, task.ToMove - task.Moved);
                var moved = await MoveChunkAsync(task, source, destination, chunk).ConfigureAwait(false);
                if (moved == 0) break;
                task.Moved += moved;
                if (task.MaxPerSecond is not null) await Task.Delay(TimeSpan.FromSeconds(1), _time, linked.Token).ConfigureAwait(false);
            }
            task.Status = task.Cancel.IsCancellationRequested ? "CANCELLED" : "COMPLETED";
        }
        catch (OperationCanceledException)
        {
            task.Status = "CANCELLED";
        }
        catch (AwsServiceException e)
        {
            task.Status = "FAILED";
            task.FailureReason = e.Message;
        }
    }

    private async Task<int> MoveChunkAsync(MessageMoveTask task, SqsQueue source, SqsQueue? destination, int max)
    {
        var now = Now;
        TakeResult take;
        lock (source.Sync)
        {
            take = source.TakeLocked(max, 0, now, null);
            foreach (var m in take.Delivered) source.RemoveLocked(m.Seq);
        }
        var batch = new WriteBatch();
        var placed = new List<(SqsQueue Queue, SqsMessage Message)>();
        foreach (var message in take.Delivered.Concat(take.Expired))
        {
            SqsStore.DeleteMessage(batch, source, message.Seq);
        }
        foreach (var message in take.Delivered)
        {
            var target = destination ?? (message.DeadLetterSourceArn is { } arn ? _queues.FindByArn(arn) : null)
                ?? throw SqsErrors.ResourceNotFound("The original source queue of a message no longer exists.");
            SqsMessage copy;
            lock (target.Sync)
            {
                copy = CopyInto(target, message, null, now);
                copy.ReceiveCount = 0;
                copy.FirstReceivedAt = 0;
            }
            SqsStore.PutMessage(batch, target, copy);
            placed.Add((target, copy));
        }
        await _store.CommitAsync(batch).ConfigureAwait(false);
        foreach (var (target, copy) in placed)
        {
            lock (target.Sync) target.AddLocked(copy, now);
        }
        return take.Delivered.Count;
    }

    public override ValueTask<ListMessageMoveTasksResult> ListMessageMoveTasksAsync(ListMessageMoveTasksRequest request, AwsCallContext context)
    {
        var source = _queues.FindByArn(request.SourceArn!) ?? throw SqsErrors.ResourceNotFound("The resource that you specified for the SourceArn parameter doesn't exist.");
        var max = request.MaxResults ?? 1;
        if (max is < 1 or > 10) throw SqsErrors.InvalidParameterValue("Value for parameter MaxResults is invalid. Reason: Must be between 1 and 10.");
        var tasks = _moveTasks.GetValueOrDefault(source.Id.Arn) ?? [];
        List<ListMessageMoveTasksResultEntry> entries;
        lock (tasks)
        {
            entries = tasks.Take(max).Select(t => new ListMessageMoveTasksResultEntry
            {
                TaskHandle = t.Status == "RUNNING" ? t.Handle : null,
                Status = t.Status, SourceArn = t.SourceArn, DestinationArn = t.DestinationArn,
                MaxNumberOfMessagesPerSecond = t.MaxPerSecond, ApproximateNumberOfMessagesMoved = t.Moved,
                ApproximateNumberOfMessagesToMove = t.ToMove, FailureReason = t.FailureReason, StartedTimestamp = t.StartedAt,
            }).ToList();
        }
        return ValueTask.FromResult(new ListMessageMoveTasksResult { Results = entries });
    }

    public override ValueTask<CancelMessageMoveTaskResult> CancelMessageMoveTaskAsync(CancelMessageMoveTaskRequest request, AwsCallContext context)
    {
        var task = _moveTasks.Values.SelectMany(list => { lock (list) return list.ToList(); }).FirstOrDefault(t => t.Handle == request.TaskHandle)
            ?? throw SqsErrors.ResourceNotFound("Task does not exist.");
        if (task.Status != "RUNNING") throw SqsErrors.UnsupportedOperation("Only active tasks can be cancelled.");
        task.Status = "CANCELLING";
        task.Cancel.Cancel();
        return ValueTask.FromResult(new CancelMessageMoveTaskResult { ApproximateNumberOfMessagesMoved = task.Moved });
    }
}
