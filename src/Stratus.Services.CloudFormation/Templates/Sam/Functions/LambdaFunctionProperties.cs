using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Sam.Functions;

/// <summary>The AWS::Lambda::Function properties a SAM function maps to, in the order SAM writes them.</summary>
internal static class LambdaFunctionProperties
{
    public const string SamTagKey = "lambda:createdBy";

    public static JsonObject Build(SamDocument document, string logicalId, JsonObject sam)
    {
        var packageType = sam["PackageType"].AsString() ?? "Zip";
        if (packageType is not ("Zip" or "Image"))
        {
            throw new InvalidSamResourceException(logicalId, "PackageType needs to be `Zip` or `Image`");
        }
        if (packageType == "Zip" && (sam["Runtime"] is null || sam["Handler"] is null))
        {
            throw new InvalidSamResourceException(logicalId, "Runtime and Handler needs to be present when PackageType is of type `Zip`");
        }
        var function = new JsonObject();
        function.Set("FunctionName", sam["FunctionName"]);
        function.Set("Handler", sam["Handler"]);
        function.Set("Runtime", sam["Runtime"]);
        function.Set("Description", sam["Description"]);
        function.Set("MemorySize", sam["MemorySize"]);
        function.Set("Timeout", sam["Timeout"]);
        function.Set("VpcConfig", sam["VpcConfig"]);
        function.Set("Environment", sam["Environment"]);
        function["Code"] = Code(document, logicalId, sam, packageType);
        function.Set("KmsKeyArn", sam["KmsKeyArn"]);
        function.Set("ReservedConcurrentExecutions", sam["ReservedConcurrentExecutions"]);
        function["Tags"] = Tags(sam);
        function.Set("Layers", sam["Layers"]);
        function.Set("FileSystemConfigs", sam["FileSystemConfigs"]);
        function.Set("ImageConfig", sam["ImageConfig"]);
        function.Set("PackageType", sam["PackageType"]);
        function.Set("Architectures", sam["Architectures"]);
        function.Set("SnapStart", sam["SnapStart"]);
        function.Set("EphemeralStorage", sam["EphemeralStorage"]);
        if (sam["Tracing"] is { } tracing && document.Parameters.ResolveString(tracing) != "Disabled")
        {
            function["TracingConfig"] = new JsonObject { ["Mode"] = tracing.DeepClone() };
        }
        if (sam["DeadLetterQueue"] is { } dlq)
        {
            function["DeadLetterConfig"] = new JsonObject { ["TargetArn"] = DeadLetterTarget(logicalId, dlq) };
        }
        function.Set("CodeSigningConfigArn", sam["CodeSigningConfigArn"]);
        function.Set("RuntimeManagementConfig", sam["RuntimeManagementConfig"]);
        function.Set("LoggingConfig", sam["LoggingConfig"]);
        function.Set("RecursiveLoop", sam["RecursiveLoop"]);
        return function;
    }

    /// <summary>SAM's tag list: its own lambda:createdBy=SAM tag first, then the resource's Tags in order.</summary>
    public static JsonArray Tags(JsonObject sam)
    {
        var tags = sam["Tags"] as JsonObject;
        if (tags is not null && tags.ContainsKey(SamTagKey))
        {
            throw new InvalidSamResourceException("Tags",
                $"{SamTagKey} is a reserved Tag key name and cannot be set on your resource. Please change the tag key in the input.");
        }
        var list = new JsonArray(new JsonObject { ["Key"] = SamTagKey, ["Value"] = "SAM" });
        foreach (var tag in Cfn.TagList(tags))
        {
            list.Add(tag?.DeepClone());
        }
        return list;
    }

    private static JsonObject Code(SamDocument document, string logicalId, JsonObject sam, string packageType)
    {
        if (packageType == "Image")
        {
            return sam["ImageUri"] is { } image
                ? new JsonObject { ["ImageUri"] = image.DeepClone() }
                : throw new InvalidSamResourceException(logicalId, "'ImageUri' must be set.");
        }
        JsonObject code;
        if (sam["InlineCode"] is { } inline)
        {
            code = new JsonObject { ["ZipFile"] = inline.DeepClone() };
        }
        else if (sam["CodeUri"] is { } uri)
        {
            code = ArtifactLocation.LambdaCode(document, logicalId, "CodeUri", uri);
        }
        else
        {
            throw new InvalidSamResourceException(logicalId, "Only one of 'InlineCode' or 'CodeUri' can be set.");
        }
        code.Set("SourceKMSKeyArn", sam["SourceKMSKeyArn"]);
        return code;
    }

    private static JsonNode? DeadLetterTarget(string logicalId, JsonNode dlq)
    {
        if (dlq is not JsonObject map || map["Type"] is null || map["TargetArn"] is null)
        {
            throw new InvalidSamResourceException(logicalId, "'DeadLetterQueue' requires Type and TargetArn properties to be specified.");
        }
        if (map["Type"].AsString() is not ("SQS" or "SNS"))
        {
            throw new InvalidSamResourceException(logicalId, "'DeadLetterQueue' requires Type of ['SQS', 'SNS']");
        }
        return map["TargetArn"]!.DeepClone();
    }
}
