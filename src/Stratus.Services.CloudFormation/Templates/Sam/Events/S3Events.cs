using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Sam.Events;

/// <summary>
/// S3 events: a permission for s3.amazonaws.com (scoped to this account) and a LambdaConfigurations entry per event
/// type in the bucket's NotificationConfiguration. The bucket is made to depend on the permission, because S3 checks
/// it can invoke the function when the notification is configured.
/// </summary>
internal static class S3Events
{
    public static void Expand(EventContext context)
    {
        var bucket = context.ReferencedResource("Bucket", out _)
            ?? throw new InvalidSamEventException(context.EventId, "S3 events must reference an S3 bucket in the same template.");
        var events = context.Required("Events") switch
        {
            JsonArray list => [.. list],
            var one => new List<JsonNode?> { one },
        };
        var permissionId = context.LogicalId + "Permission";
        context.AddPermission("s3.amazonaws.com", sourceAccount: Cfn.Ref("AWS::AccountId"));
        if (context.Target.Condition is { } condition)
        {
            // CloudFormation has no conditional DependsOn; a Ref inside Fn::If in a tag creates the same ordering.
            var bucketProperties = SamDocument.PropertiesOf(bucket);
            if (bucketProperties["Tags"] is not JsonArray tags)
            {
                bucketProperties["Tags"] = tags = [];
            }
            tags.Add(new JsonObject
            {
                ["Key"] = $"sam:ConditionalDependsOn:{permissionId}",
                ["Value"] = Cfn.If(condition, Cfn.Ref(permissionId), "no dependency"),
            });
        }
        else
        {
            AddDependsOn(bucket, permissionId);
        }
        var notifications = SamDocument.PropertiesOf(bucket)["NotificationConfiguration"] as JsonObject;
        if (notifications is null)
        {
            SamDocument.PropertiesOf(bucket)["NotificationConfiguration"] = notifications = [];
        }
        var lambdas = notifications["LambdaConfigurations"] as JsonArray;
        if (lambdas is null)
        {
            notifications["LambdaConfigurations"] = lambdas = [];
        }
        foreach (var type in events)
        {
            var entry = new JsonObject { ["Function"] = context.Target.Arn };
            entry.Set("Filter", context.Properties["Filter"]);
            entry["Event"] = type?.DeepClone();
            JsonNode configuration = context.Target.Condition is { } c ? Cfn.If(c, entry, Cfn.NoValue()) : entry;
            if (!lambdas.Any(existing => JsonNode.DeepEquals(existing, configuration)))
            {
                lambdas.Add(configuration);
            }
        }
    }

    private static void AddDependsOn(JsonObject resource, string logicalId)
    {
        var dependsOn = resource["DependsOn"] switch
        {
            JsonArray list => [.. list.Select(i => i.AsString() ?? "")],
            JsonValue one when one.TryGetString(out var s) => new List<string> { s },
            _ => [],
        };
        if (!dependsOn.Contains(logicalId))
        {
            dependsOn.Add(logicalId);
        }
        resource["DependsOn"] = dependsOn.ToJsonArray();
    }
}
