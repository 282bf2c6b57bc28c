using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Stratus.Services.CloudFormation.Templates.Sam.Functions;

/// <summary>
/// AutoPublishAlias: an AWS::Lambda::Version whose logical id carries a hash of the code location, environment and
/// memory size (so a code change publishes a new version; old versions are retained), and an AWS::Lambda::Alias
/// pointing at it. See "AutoPublishAlias" in the SAM developer guide.
/// </summary>
internal static partial class VersionAndAlias
{
    /// <returns>the alias logical id</returns>
    public static string Add(
        SamDocument document,
        string logicalId,
        JsonObject sam,
        JsonObject function,
        JsonNode aliasProperty,
        JsonObject passThrough,
        List<KeyValuePair<string, JsonObject>> output)
    {
        var aliasName = document.Parameters.Resolve(aliasProperty) is JsonValue v && v.TryGetString(out var name)
            ? name
            : throw new InvalidSamResourceException(logicalId, "'AutoPublishAlias' must be a string or a Ref to a template parameter");
        if (!AliasPattern().IsMatch(aliasName))
        {
            throw new InvalidSamResourceException(logicalId,
                $"AutoPublishAlias name ('{aliasName}') must contain only alphanumeric characters, hyphens, or underscores matching (?!^[0-9]+$)([a-zA-Z0-9-_]+) pattern.");
        }
        string? codeSha = null;
        if (sam["AutoPublishCodeSha256"] is { } sha)
        {
            codeSha = document.Parameters.ResolveString(sha)
                ?? throw new InvalidSamResourceException(logicalId, "AutoPublishCodeSha256 must be a string");
            var description = document.Parameters.Resolve(sam["Description"]);
            function["Description"] = description is null ? codeSha
                : description.TryGetString(out var text) ? $"{text} {codeSha}"
                : new JsonObject { ["Fn::Join"] = new JsonArray(" ", new JsonArray(description, codeSha)) };
        }
        var versionId = $"{logicalId}Version{codeSha?[..Math.Min(codeSha.Length, LogicalIdHash.Length)] ?? LogicalIdHash.Of(HashInput(document, sam, function))}";
        var versionAttributes = (JsonObject)passThrough.DeepClone();
        if (!versionAttributes.ContainsKey("DeletionPolicy"))
        {
            versionAttributes["DeletionPolicy"] = sam["VersionDeletionPolicy"]?.DeepClone() ?? "Retain";
        }
        var version = new JsonObject { ["FunctionName"] = Cfn.Ref(logicalId) };
        version.Set("Description", sam["VersionDescription"]);
        output.Add(new(versionId, Cfn.Resource("AWS::Lambda::Version", version, versionAttributes)));

        var aliasId = $"{logicalId}Alias{aliasName.Replace("-", "D", StringComparison.Ordinal).Replace("_", "U", StringComparison.Ordinal)}";
        var alias = new JsonObject
        {
            ["Name"] = aliasName,
            ["FunctionName"] = Cfn.Ref(logicalId),
            ["FunctionVersion"] = Cfn.GetAtt(versionId, "Version"),
        };
        alias.Set("ProvisionedConcurrencyConfig", sam["ProvisionedConcurrencyConfig"]);
        output.Add(new(aliasId, Cfn.Resource("AWS::Lambda::Alias", alias, passThrough)));
        document.PropertyReferences[$"{logicalId}.Alias"] = aliasId;
        document.PropertyReferences[$"{logicalId}.Version"] = versionId;
        return aliasId;
    }

    /// <summary>
    /// What the version id hashes: the code location with parameters resolved (so a new S3 key parameter value
    /// publishes a new version), the environment's members, the memory size and an active SnapStart — or, with
    /// AutoPublishAliasAllProperties, every function property.
    /// </summary>
    private static JsonObject HashInput(SamDocument document, JsonObject sam, JsonObject function)
    {
        if (sam["AutoPublishAliasAllProperties"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            return (JsonObject)function.DeepClone();
        }
        // SAM resolves the parameters of the Code property in place here, so the function's Code shows the values too.
        var resolvedCode = document.Parameters.Resolve(function["Code"]) as JsonObject ?? [];
        function["Code"] = resolvedCode;
        var input = (JsonObject)resolvedCode.DeepClone();
        if (function["Environment"] is JsonObject environment)
        {
            foreach (var (key, value) in environment)
            {
                input[key] = value?.DeepClone();
            }
        }
        input.Set("MemorySize", function["MemorySize"]);
        if (function["SnapStart"] is JsonObject snapStart && snapStart["ApplyOn"].AsString() is { } applyOn && applyOn != "None")
        {
            input["SnapStart"] = snapStart.DeepClone();
        }
        return input;
    }

    [GeneratedRegex("^(?!^[0-9]+$)([a-zA-Z0-9\\-_]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex AliasPattern();
}
