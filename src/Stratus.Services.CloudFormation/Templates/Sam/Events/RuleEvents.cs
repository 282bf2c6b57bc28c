using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Sam.Events;

/// <summary>
/// Schedule and EventBridgeRule (CloudWatchEvent) events: an AWS::Events::Rule named &lt;Function&gt;&lt;Event&gt; that
/// targets the function, a permission for events.amazonaws.com scoped to the rule, and — for a DeadLetterConfig with
/// a Type — a dead-letter queue the rule may send to.
/// </summary>
internal static class RuleEvents
{
    private const int MaxTargetIdLength = 64;
    private const string TargetSuffix = "LambdaTarget";

    public static void ExpandSchedule(EventContext context)
    {
        var rule = new JsonObject { ["ScheduleExpression"] = context.Required("Schedule")!.DeepClone() };
        SetState(context, rule);
        rule.Set("Name", context.Properties["Name"]);
        rule.Set("Description", context.Properties["Description"]);
        Finish(context, rule, DefaultTargetId(context.LogicalId), ["Input"]);
    }

    public static void ExpandPattern(EventContext context)
    {
        var rule = new JsonObject();
        rule.Set("EventBusName", context.Properties["EventBusName"]);
        rule.Set("EventPattern", context.Properties["Pattern"]);
        rule.Set("Name", context.Properties["RuleName"]);
        SetState(context, rule);
        var targetId = context.Properties["Target"]?["Id"]?.DeepClone() ?? DefaultTargetId(context.LogicalId);
        Finish(context, rule, targetId, ["Input", "InputPath"]);
    }

    private static void Finish(EventContext context, JsonObject rule, JsonNode targetId, string[] targetProperties)
    {
        var ruleArn = Cfn.GetAtt(context.LogicalId, "Arn");
        var target = new JsonObject { ["Arn"] = context.Target.Arn, ["Id"] = targetId };
        foreach (var name in targetProperties)
        {
            target.Set(name, context.Properties[name]);
        }
        var deadLetterResources = new List<KeyValuePair<string, JsonObject>>();
        if (context.Properties["DeadLetterConfig"] is JsonObject deadLetter)
        {
            target["DeadLetterConfig"] = new JsonObject { ["Arn"] = DeadLetterQueueArn(context, deadLetter, ruleArn, deadLetterResources) };
        }
        target.Set("RetryPolicy", context.Properties["RetryPolicy"]);
        target.Set("InputTransformer", context.Properties["InputTransformer"]);
        rule["Targets"] = new JsonArray(target);
        context.Add(context.LogicalId, Cfn.Resource("AWS::Events::Rule", rule, context.Target.CopyAttributes()));
        foreach (var (id, resource) in deadLetterResources)
        {
            context.Add(id, resource);
        }
        context.AddPermission("events.amazonaws.com", sourceArn: ruleArn);
    }

    private static void SetState(EventContext context, JsonObject rule)
    {
        var state = context.Properties["State"];
        var enabled = context.Properties["Enabled"];
        if (state is not null && enabled is not null)
        {
            throw new InvalidSamEventException(context.EventId, "State and Enabled Properties cannot both be specified.");
        }
        if (state is not null)
        {
            rule["State"] = state.DeepClone();
        }
        else if (enabled is not null)
        {
            rule["State"] = enabled.GetValueKind() == System.Text.Json.JsonValueKind.False ? "DISABLED" : "ENABLED";
        }
    }

    private static JsonNode DefaultTargetId(string logicalId) => JsonValue.Create(
        logicalId.Length + TargetSuffix.Length <= MaxTargetIdLength
            ? logicalId + TargetSuffix
            : logicalId[..(MaxTargetIdLength - TargetSuffix.Length)] + TargetSuffix);

    private static JsonNode DeadLetterQueueArn(EventContext context, JsonObject config, JsonObject ruleArn, List<KeyValuePair<string, JsonObject>> output)
    {
        var hasArn = config.ContainsKey("Arn");
        var hasType = config.ContainsKey("Type");
        if (hasArn == hasType)
        {
            throw new InvalidSamEventException(context.LogicalId, hasArn
                ? "You can either define 'Arn' or 'Type' property of DeadLetterConfig."
                : "No 'Arn' or 'Type' property provided for DeadLetterConfig.");
        }
        if (hasArn)
        {
            return config["Arn"]!.DeepClone();
        }
        if (config["Type"].AsString() != "SQS")
        {
            throw new InvalidSamEventException(context.LogicalId, "The only valid value for 'Type' property of DeadLetterConfig is 'SQS'.");
        }
        var queueId = config["QueueLogicalId"].AsString() ?? context.LogicalId + "Queue";
        output.Add(new(queueId, Cfn.Resource("AWS::SQS::Queue", null, context.Target.CopyAttributes())));
        var policy = new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Action"] = "sqs:SendMessage",
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["Service"] = "events.amazonaws.com" },
                ["Resource"] = Cfn.GetAtt(queueId, "Arn"),
                ["Condition"] = new JsonObject { ["ArnEquals"] = new JsonObject { ["aws:SourceArn"] = ruleArn.DeepClone() } },
            }),
        };
        output.Add(new(context.LogicalId + "QueuePolicy", Cfn.Resource("AWS::SQS::QueuePolicy",
            new JsonObject { ["PolicyDocument"] = policy, ["Queues"] = new JsonArray(Cfn.Ref(queueId)) },
            context.Target.CopyAttributes())));
        return Cfn.GetAtt(queueId, "Arn");
    }
}
