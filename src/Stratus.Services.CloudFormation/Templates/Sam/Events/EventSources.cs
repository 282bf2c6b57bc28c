using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates.Sam.Functions;

namespace Stratus.Services.CloudFormation.Templates.Sam.Events;

/// <summary>Dispatches each event of a SAM function to the expander of its Type.</summary>
internal static class EventSources
{
    public static void Expand(
        SamDocument document, string functionId, JsonObject functionProperties, FunctionTarget target, JsonObject? role,
        List<KeyValuePair<string, JsonObject>> output)
    {
        if (functionProperties["Events"] is not JsonObject events)
        {
            return;
        }
        // SAM orders events by Path (else id) so a function's "$default" HttpApi route is seen before its other routes.
        var ordered = events.Select(e => (Id: e.Key, Event: e.Value))
            .OrderBy(e => e.Event?["Properties"]?["Path"].AsString() ?? e.Id, StringComparer.Ordinal)
            .ToList();
        foreach (var (eventId, node) in ordered)
        {
            try
            {
                if (node is not JsonObject body || !body["Type"].TryGetString(out var type))
                {
                    throw new InvalidSamEventException(eventId, "Event must have a Type.");
                }
                var properties = body["Properties"] as JsonObject ?? [];
                var context = new EventContext(document, eventId, properties, target, role, output);
                Dispatch(type, context);
            }
            catch (InvalidSamEventException e)
            {
                throw new InvalidSamResourceException(functionId, e.Describe());
            }
        }
    }

    private static void Dispatch(string type, EventContext context)
    {
        switch (type)
        {
            case "SQS" or "Kinesis" or "DynamoDB":
                PullEvents.Expand(type, context);
                break;
            case "S3":
                S3Events.Expand(context);
                break;
            case "SNS":
                SnsEvents.Expand(context);
                break;
            case "Schedule":
                RuleEvents.ExpandSchedule(context);
                break;
            case "CloudWatchEvent" or "EventBridgeRule":
                RuleEvents.ExpandPattern(context);
                break;
            case "Cognito":
                CognitoEvents.Expand(context);
                break;
            case "Api":
                ApiEvents.ExpandRest(context);
                break;
            case "HttpApi":
                ApiEvents.ExpandHttp(context);
                break;
            default:
                throw new InvalidSamEventException(context.EventId, $"Stratus does not support the event type '{type}' yet.");
        }
    }
}
