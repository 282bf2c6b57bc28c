using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates.Sam.Functions;

namespace Stratus.Services.CloudFormation.Templates.Sam;

/// <summary>AWS::Serverless::SimpleTable and AWS::Serverless::LayerVersion, which expand to one resource each.</summary>
internal static class SimpleResources
{
    private static readonly string[] _ownAttributes = ["DependsOn", "Condition", "DeletionPolicy", "UpdatePolicy", "UpdateReplacePolicy", "Metadata"];

    /// <summary>A DynamoDB table keyed by PrimaryKey (default: id, a string), on-demand unless ProvisionedThroughput is set.</summary>
    public static void ExpandSimpleTable(SamDocument document, string logicalId, JsonObject resource)
    {
        var sam = SamDocument.PropertiesOf(resource);
        var name = JsonValue.Create("id");
        var type = JsonValue.Create("S");
        if (sam["PrimaryKey"] is JsonObject key)
        {
            var declaredName = key["Name"] ?? throw new InvalidSamResourceException(logicalId, "Property 'PrimaryKey.Name' is required.");
            var declaredType = key["Type"].AsString() ?? throw new InvalidSamResourceException(logicalId, "Property 'PrimaryKey.Type' is required.");
            name = declaredName.DeepClone().AsValue();
            type = JsonValue.Create(declaredType switch
            {
                "String" => "S",
                "Number" => "N",
                "Binary" => "B",
                _ => throw new InvalidSamResourceException(logicalId, $"Invalid 'Type' \"{declaredType}\"."),
            });
        }
        var table = new JsonObject
        {
            ["AttributeDefinitions"] = new JsonArray(new JsonObject { ["AttributeName"] = name.DeepClone(), ["AttributeType"] = type }),
            ["KeySchema"] = new JsonArray(new JsonObject { ["AttributeName"] = name.DeepClone(), ["KeyType"] = "HASH" }),
        };
        table.Set("PointInTimeRecoverySpecification", sam["PointInTimeRecoverySpecification"]);
        if (sam["ProvisionedThroughput"] is { } throughput)
        {
            table["ProvisionedThroughput"] = throughput.DeepClone();
        }
        else
        {
            table["BillingMode"] = "PAY_PER_REQUEST";
        }
        table.Set("SSESpecification", sam["SSESpecification"]);
        table.Set("TableName", sam["TableName"]);
        if (sam["Tags"] is JsonObject { Count: > 0 } tags)
        {
            table["Tags"] = Cfn.TagList(tags);
        }
        document.Expand(logicalId, [new(logicalId, Cfn.Resource("AWS::DynamoDB::Table", table, FunctionExpander.Attributes(resource, _ownAttributes)))]);
    }

    /// <summary>
    /// A Lambda layer version whose logical id gets a hash of its definition: layer versions are immutable, so a
    /// changed layer must be a new resource (the old one is retained unless RetentionPolicy says Delete), while the
    /// LayerName (default: the logical id) keeps the layer's ARN stable but for the version number.
    /// </summary>
    public static void ExpandLayerVersion(SamDocument document, string logicalId, JsonObject resource)
    {
        var sam = SamDocument.PropertiesOf(resource);
        foreach (var name in new[] { "LayerName", "LicenseInfo", "Description", "RetentionPolicy" })
        {
            if (sam[name] is { } value && document.Parameters.Resolve(value) is JsonValue resolved)
            {
                sam[name] = resolved;
            }
        }
        var attributes = FunctionExpander.Attributes(resource, ["Condition", "DeletionPolicy", "UpdateReplacePolicy", "UpdatePolicy", "Metadata"]);
        if (!attributes.ContainsKey("DeletionPolicy"))
        {
            attributes["DeletionPolicy"] = "Retain";
        }
        if (sam["RetentionPolicy"] is { } retention)
        {
            attributes["DeletionPolicy"] = retention.AsString()?.ToLowerInvariant() switch
            {
                "retain" => "Retain",
                "delete" => "Delete",
                _ => throw new InvalidSamResourceException(logicalId, "'RetentionPolicy' must be one of the following options: ['Retain', 'Delete']."),
            };
        }
        var hashed = new JsonObject();
        foreach (var (key, value) in resource)
        {
            if (key is not ("DeletionPolicy" or "UpdateReplacePolicy" or "Metadata"))
            {
                hashed[key] = value?.DeepClone();
            }
        }
        var newId = logicalId + LogicalIdHash.Of(new JsonObject { [logicalId] = hashed });
        var layer = new JsonObject
        {
            ["Content"] = ArtifactLocation.LambdaCode(document, newId, "ContentUri", sam["ContentUri"]
                ?? throw new InvalidSamResourceException(logicalId, "Missing required property 'ContentUri'.")),
        };
        layer.Set("Description", sam["Description"]);
        layer["LayerName"] = sam["LayerName"]?.DeepClone() ?? logicalId;
        layer.Set("CompatibleArchitectures", sam["CompatibleArchitectures"]);
        layer.Set("CompatibleRuntimes", sam["CompatibleRuntimes"]);
        layer.Set("LicenseInfo", sam["LicenseInfo"]);
        var output = Cfn.Resource("AWS::Lambda::LayerVersion", layer, attributes);
        output.Set("DependsOn", resource["DependsOn"]);
        document.ChangedLogicalIds[logicalId] = newId;
        document.Expand(logicalId, [new(newId, output)]);
    }
}
