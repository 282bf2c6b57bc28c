using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates.Sam.Policies;

namespace Stratus.Services.CloudFormation.Templates.Sam.Events;

/// <summary>
/// SQS, Kinesis and DynamoDB events: an AWS::Lambda::EventSourceMapping named &lt;Function&gt;&lt;Event&gt;, plus the
/// managed policy the execution role needs to poll the source and, for an OnFailure destination with a Type, a
/// policy to send to it.
/// </summary>
internal static class PullEvents
{
    private static readonly string[] _mapped =
    [
        "StartingPosition", "StartingPositionTimestamp", "BatchSize", "Enabled", "MaximumBatchingWindowInSeconds",
        "MaximumRetryAttempts", "BisectBatchOnFunctionError", "MaximumRecordAgeInSeconds", "ParallelizationFactor",
        "Topics", "Queues", "SourceAccessConfigurations", "TumblingWindowInSeconds", "FunctionResponseTypes",
        "FilterCriteria", "KmsKeyArn", "ScalingConfig", "ProvisionedPollerConfig", "MetricsConfig", "LoggingConfig",
    ];

    public static void Expand(string type, EventContext context)
    {
        var source = type == "SQS" ? context.Required("Queue") : context.Required("Stream");
        if (type != "SQS" && context.Properties["StartingPosition"] is null)
        {
            throw new InvalidSamEventException(context.EventId, "Missing required property 'StartingPosition'.");
        }
        var mapping = new JsonObject
        {
            ["FunctionName"] = context.Target.NameOrArn,
            ["EventSourceArn"] = source!.DeepClone(),
        };
        foreach (var name in _mapped)
        {
            mapping.Set(name, context.Properties[name]);
        }
        JsonObject? destinationPolicy = null;
        if (context.Properties["DestinationConfig"] is JsonObject destination)
        {
            var copy = (JsonObject)destination.DeepClone();
            if (copy["OnFailure"] is JsonObject onFailure && onFailure["Type"].AsString() is { } destinationType)
            {
                onFailure.Remove("Type");
                destinationPolicy = DestinationPolicy(context, destinationType, onFailure["Destination"]);
            }
            mapping["DestinationConfig"] = copy;
        }
        context.Add(context.LogicalId, Cfn.Resource("AWS::Lambda::EventSourceMapping", mapping, context.Target.CopyAttributes()));
        if (context.Role is { } role)
        {
            var managedPolicy = type switch
            {
                "SQS" => "service-role/AWSLambdaSQSQueueExecutionRole",
                "Kinesis" => "service-role/AWSLambdaKinesisExecutionRole",
                _ => "service-role/AWSLambdaDynamoDBExecutionRole",
            };
            ExecutionRole.AddManaged((JsonArray)role["ManagedPolicyArns"]!, JsonValue.Create(ManagedPolicies.Attached(context.Document.Partition, managedPolicy)));
            if (destinationPolicy is not null)
            {
                ExecutionRole.AddInline(role, destinationPolicy);
            }
        }
    }

    private static JsonObject? DestinationPolicy(EventContext context, string type, JsonNode? destination)
    {
        var (suffix, statements) = type switch
        {
            "SQS" => ("SQSPolicy", new JsonArray(Allow("sqs:SendMessage", destination))),
            "SNS" => ("SNSPolicy", new JsonArray(Allow("sns:publish", destination))),
            "S3" => ("S3Policy", new JsonArray(
                Allow("s3:PutObject", new JsonObject { ["Fn::Join"] = new JsonArray("/", new JsonArray(destination?.DeepClone(), "*")) }),
                Allow("s3:ListBucket", destination))),
            "Kafka" => (null, null),
            _ => throw new InvalidSamEventException(context.LogicalId, "The only valid values for 'Type' are 'SQS', 'SNS', 'S3', and 'Kafka'"),
        };
        return suffix is null ? null : new JsonObject
        {
            ["PolicyName"] = context.LogicalId + suffix,
            ["PolicyDocument"] = new JsonObject { ["Statement"] = statements },
        };
    }

    private static JsonObject Allow(string action, JsonNode? resource) => new()
    {
        ["Action"] = action,
        ["Effect"] = "Allow",
        ["Resource"] = resource?.DeepClone(),
    };
}
