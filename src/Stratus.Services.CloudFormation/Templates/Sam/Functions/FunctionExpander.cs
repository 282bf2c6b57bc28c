using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates.Sam.Events;
using Stratus.Services.CloudFormation.Templates.Sam.Policies;

namespace Stratus.Services.CloudFormation.Templates.Sam.Functions;

/// <summary>
/// AWS::Serverless::Function → AWS::Lambda::Function, its execution role (&lt;Id&gt;Role) unless Role is given, a
/// Version and Alias when AutoPublishAlias is set, and the resources of each event source.
/// See "AWS::Serverless::Function" in the SAM developer guide.
/// </summary>
internal static class FunctionExpander
{
    private static readonly string[] _passThrough = ["Condition", "DeletionPolicy", "UpdateReplacePolicy"];
    private static readonly string[] _ownAttributes = ["DependsOn", "Condition", "DeletionPolicy", "UpdatePolicy", "UpdateReplacePolicy", "Metadata"];

    private static readonly string[] _unsupported =
        ["DeploymentPreference", "FunctionUrlConfig", "EventInvokeConfig", "CapacityProviderConfig", "DurableConfig"];

    public static void Expand(SamDocument document, string logicalId, JsonObject resource)
    {
        var properties = SamDocument.PropertiesOf(resource);
        foreach (var name in _unsupported.Where(properties.ContainsKey))
        {
            throw new InvalidSamResourceException(logicalId, $"Stratus does not support the '{name}' property of AWS::Serverless::Function yet.");
        }
        var output = new List<KeyValuePair<string, JsonObject>>();
        var function = LambdaFunctionProperties.Build(document, logicalId, properties);
        output.Add(new(logicalId, Cfn.Resource("AWS::Lambda::Function", function, Attributes(resource, _ownAttributes))));

        var passThrough = Attributes(resource, _passThrough);
        string? aliasId = null;
        if (properties["AutoPublishAlias"] is { } alias)
        {
            aliasId = VersionAndAlias.Add(document, logicalId, properties, function, alias, passThrough, output);
        }
        var target = new FunctionTarget { FunctionId = logicalId, AliasId = aliasId, Attributes = passThrough };

        JsonObject? role = null;
        if (properties["Role"] is null)
        {
            role = BuildRole(document, logicalId, properties, function);
            function["Role"] = Cfn.GetAtt(logicalId + "Role", "Arn");
            output.Add(new(logicalId + "Role", Cfn.Resource("AWS::IAM::Role", role, passThrough)));
        }
        else
        {
            function["Role"] = properties["Role"]!.DeepClone();
        }
        EventSources.Expand(document, logicalId, properties, target, role, output);
        document.Expand(logicalId, output);
    }

    private static JsonObject BuildRole(SamDocument document, string logicalId, JsonObject properties, JsonObject function)
    {
        var managed = new List<string> { ManagedPolicies.Attached(document.Partition, "service-role/AWSLambdaBasicExecutionRole") };
        if (function["TracingConfig"] is not null)
        {
            managed.Add(ManagedPolicies.Attached(document.Partition, "AWSXrayWriteOnlyAccess"));
        }
        if (properties["VpcConfig"] is not null)
        {
            managed.Add(ManagedPolicies.Attached(document.Partition, "service-role/AWSLambdaVPCAccessExecutionRole"));
        }
        var extra = new List<JsonObject>();
        if (properties["DeadLetterQueue"] is JsonObject dlq)
        {
            extra.Add(new JsonObject
            {
                ["PolicyName"] = "DeadLetterQueuePolicy",
                ["PolicyDocument"] = new JsonObject
                {
                    ["Version"] = "2012-10-17",
                    ["Statement"] = new JsonArray(new JsonObject
                    {
                        ["Action"] = dlq["Type"].AsString() == "SNS" ? "sns:Publish" : "sqs:SendMessage",
                        ["Resource"] = dlq["TargetArn"]?.DeepClone(),
                        ["Effect"] = "Allow",
                    }),
                },
            });
        }
        return ExecutionRole.Build(document, logicalId, properties, managed, extra, LambdaFunctionProperties.Tags(properties));
    }

    /// <summary>The named resource attributes of the SAM resource, to copy onto a generated resource.</summary>
    public static JsonObject Attributes(JsonObject resource, IEnumerable<string> names)
    {
        var attributes = new JsonObject();
        foreach (var name in names)
        {
            attributes.Set(name, resource[name]);
        }
        return attributes;
    }
}
