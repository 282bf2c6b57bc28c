using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Sam.Events;

/// <summary>
/// SNS events: a subscription of the function to the topic (with a permission for sns.amazonaws.com), or with
/// SqsSubscription a subscription of a queue — a new one (&lt;Function&gt;&lt;Event&gt;Queue) or an existing one — that the
/// function polls, plus the queue policy letting the topic send to it.
/// </summary>
internal static class SnsEvents
{
    public static void Expand(EventContext context)
    {
        var topic = context.Required("Topic")!;
        var sqs = context.Properties["SqsSubscription"];
        if (sqs is null || sqs.GetValueKind() == System.Text.Json.JsonValueKind.False)
        {
            context.AddPermission("sns.amazonaws.com", sourceArn: topic);
            context.Add(context.LogicalId, Subscription(context, "lambda", context.Target.Arn, topic));
        }
        else if (sqs.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            var queueId = context.LogicalId + "Queue";
            var queueArn = Cfn.GetAtt(queueId, "Arn");
            AddMapping(context, queueArn, null);
            var queue = new JsonObject();
            if (IsFifoTopic(context, topic))
            {
                queue["FifoQueue"] = true;
            }
            context.Add(queueId, Cfn.Resource("AWS::SQS::Queue", queue, context.Target.CopyAttributes()));
            context.Add(context.LogicalId + "QueuePolicy", QueuePolicy(context, topic, queueArn, Cfn.Ref(queueId)));
            context.Add(context.LogicalId, Subscription(context, "sqs", queueArn, topic));
        }
        else if (sqs is JsonObject existing)
        {
            var arn = existing["QueueArn"];
            var url = existing["QueueUrl"];
            if (arn is null || url is null)
            {
                throw new InvalidSamEventException(context.EventId, "No QueueARN or QueueURL provided.");
            }
            AddMapping(context, arn, existing["BatchSize"]);
            var policyId = existing["QueuePolicyLogicalId"].AsString() ?? context.LogicalId + "QueuePolicy";
            context.Add(policyId, QueuePolicy(context, topic, arn, url));
            context.Add(context.LogicalId, Subscription(context, "sqs", arn, topic));
        }
        else
        {
            throw new InvalidSamEventException(context.EventId, "SqsSubscription must be a boolean or a map.");
        }
    }

    private static JsonObject Subscription(EventContext context, string protocol, JsonNode endpoint, JsonNode topic)
    {
        var properties = new JsonObject
        {
            ["Endpoint"] = endpoint.DeepClone(),
            ["Protocol"] = protocol,
            ["TopicArn"] = topic.DeepClone(),
        };
        properties.Set("Region", context.Properties["Region"]);
        properties.Set("FilterPolicy", context.Properties["FilterPolicy"]);
        properties.Set("FilterPolicyScope", context.Properties["FilterPolicyScope"]);
        properties.Set("RedrivePolicy", context.Properties["RedrivePolicy"]);
        return Cfn.Resource("AWS::SNS::Subscription", properties, context.Target.CopyAttributes());
    }

    // SAM always enables the mapping it creates for an SNS-to-SQS subscription, whatever Enabled says.
    private static void AddMapping(EventContext context, JsonNode queueArn, JsonNode? batchSize)
    {
        var mapping = new JsonObject
        {
            ["Queue"] = queueArn.DeepClone(),
            ["BatchSize"] = batchSize?.DeepClone() ?? 10,
            ["Enabled"] = true,
        };
        PullEvents.Expand("SQS", context.Derive("EventSourceMapping", mapping));
    }

    private static JsonObject QueuePolicy(EventContext context, JsonNode topic, JsonNode queueArn, JsonNode queueUrl)
    {
        var document = new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Action"] = "sqs:SendMessage",
                ["Effect"] = "Allow",
                ["Principal"] = "*",
                ["Resource"] = queueArn.DeepClone(),
                ["Condition"] = new JsonObject { ["ArnEquals"] = new JsonObject { ["aws:SourceArn"] = topic.DeepClone() } },
            }),
        };
        return Cfn.Resource("AWS::SQS::QueuePolicy",
            new JsonObject { ["PolicyDocument"] = document, ["Queues"] = new JsonArray(queueUrl.DeepClone()) },
            context.Target.CopyAttributes());
    }

    private static bool IsFifoTopic(EventContext context, JsonNode topic)
    {
        var topicId = topic.IsIntrinsic(out var f, out var a) && f == "Ref" ? a.AsString()
            : topic.IsIntrinsic(out f, out a) && f == "Fn::GetAtt" && a is JsonArray pair ? pair[0].AsString()
            : null;
        return topicId is not null && context.Document.Resources[topicId]?["Properties"]?["FifoTopic"] is { } fifo
            && context.Document.Parameters.Resolve(fifo) is JsonValue v && v.TryGetScalarText(out var t) && t == "true";
    }
}
