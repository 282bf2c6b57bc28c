using System.Text.Json.Nodes;
using Stratus.Contracts.Sqs;
using Stratus.Protocols;
using Stratus.Services.Sqs.Model;

namespace Stratus.Services.Sqs;

public sealed partial class SqsApi
{
    private static readonly HashSet<string> PermissionActions = new(StringComparer.Ordinal)
    {
        "*", "SendMessage", "ReceiveMessage", "DeleteMessage", "ChangeMessageVisibility", "GetQueueAttributes", "GetQueueUrl",
        "ListDeadLetterSourceQueues", "PurgeQueue", "ListQueueTags", "SendMessageBatch", "DeleteMessageBatch", "ChangeMessageVisibilityBatch",
    };

    public override async ValueTask TagQueueAsync(TagQueueRequest request, AwsCallContext context)
    {
        var queue = Resolve(request.QueueUrl, context);
        lock (queue.Sync)
        {
            var merged = new Dictionary<string, string>(queue.Tags, StringComparer.Ordinal);
            foreach (var (key, value) in request.Tags ?? []) merged[key] = value;
            if (merged.Count > 50) throw SqsErrors.TooManyTags();
            foreach (var (key, value) in request.Tags ?? []) queue.Tags[key] = value;
        }
        await _store.SaveQueueAsync(queue).ConfigureAwait(false);
    }

    public override async ValueTask UntagQueueAsync(UntagQueueRequest request, AwsCallContext context)
    {
        var queue = Resolve(request.QueueUrl, context);
        lock (queue.Sync)
        {
            foreach (var key in request.TagKeys ?? []) queue.Tags.Remove(key);
        }
        await _store.SaveQueueAsync(queue).ConfigureAwait(false);
    }

    public override ValueTask<ListQueueTagsResult> ListQueueTagsAsync(ListQueueTagsRequest request, AwsCallContext context)
    {
        var queue = Resolve(request.QueueUrl, context);
        lock (queue.Sync)
        {
            return ValueTask.FromResult(new ListQueueTagsResult { Tags = queue.Tags.Count == 0 ? null : new Dictionary<string, string>(queue.Tags) });
        }
    }

    /// <summary>AddPermission writes a statement into the queue's Policy, as SQS does.</summary>
    public override async ValueTask AddPermissionAsync(AddPermissionRequest request, AwsCallContext context)
    {
        var queue = Resolve(request.QueueUrl, context);
        var label = request.Label!;
        if (label.Length is < 1 or > 80 || !label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw SqsErrors.InvalidParameter("Label", label, "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }
        foreach (var action in request.Actions ?? [])
        {
            if (!PermissionActions.Contains(action)) throw SqsErrors.InvalidParameter("ActionName", "SQS:" + action, "Please refer to the appropriate WSDL for a list of valid actions");
        }
        lock (queue.Sync)
        {
            var policy = PolicyOf(queue);
            var statements = policy["Statement"]!.AsArray();
            if (statements.Any(s => s?["Sid"]?.GetValue<string>() == label)) throw SqsErrors.InvalidParameter("Label", label, "Already exists");
            statements.Add(new JsonObject
            {
                ["Sid"] = label,
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["AWS"] = new JsonArray((request.AWSAccountIds ?? []).Select(a => (JsonNode)$"arn:aws:iam::{a}:root").ToArray()) },
                ["Action"] = new JsonArray((request.Actions ?? []).Select(a => (JsonNode)("SQS:" + a)).ToArray()),
                ["Resource"] = queue.Id.Arn,
            });
            queue.Attributes.Apply(new Dictionary<string, string> { ["Policy"] = policy.ToJsonString() }, creating: false);
        }
        await _store.SaveQueueAsync(queue).ConfigureAwait(false);
    }

    public override async ValueTask RemovePermissionAsync(RemovePermissionRequest request, AwsCallContext context)
    {
        var queue = Resolve(request.QueueUrl, context);
        lock (queue.Sync)
        {
            var policy = PolicyOf(queue);
            var statements = policy["Statement"]!.AsArray();
            var match = statements.FirstOrDefault(s => s?["Sid"]?.GetValue<string>() == request.Label)
                ?? throw SqsErrors.InvalidParameter("Label", request.Label!, "can't find label");
            statements.Remove(match);
            queue.Attributes.Apply(new Dictionary<string, string> { ["Policy"] = statements.Count == 0 ? "" : policy.ToJsonString() }, creating: false);
        }
        await _store.SaveQueueAsync(queue).ConfigureAwait(false);
    }

    private static JsonObject PolicyOf(SqsQueue queue)
    {
        var existing = queue.Attributes.Values.GetValueOrDefault("Policy");
        var policy = string.IsNullOrEmpty(existing)
            ? new JsonObject { ["Version"] = "2012-10-17", ["Id"] = queue.Id.Arn + "/SQSDefaultPolicy" }
            : JsonNode.Parse(existing)!.AsObject();
        if (policy["Statement"] is not JsonArray) policy["Statement"] = new JsonArray();
        return policy;
    }
}
