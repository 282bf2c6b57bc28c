using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Sam;

/// <summary>
/// SAM's Globals section: properties declared once and merged into every resource of a type. Merge rules, as the
/// SAM specification states them: the resource's own scalar wins; maps merge key by key (recursively); lists
/// concatenate, globals first; intrinsic functions count as scalars; a type mismatch keeps the resource's value.
/// </summary>
internal static class SamGlobals
{
    private static readonly Dictionary<string, string[]> _supported = new(StringComparer.Ordinal)
    {
        ["Function"] =
        [
            "Handler", "Runtime", "CodeUri", "DeadLetterQueue", "Description", "MemorySize", "Timeout", "VpcConfig",
            "Environment", "Tags", "PropagateTags", "Tracing", "KmsKeyArn", "AutoPublishAlias",
            "AutoPublishAliasAllProperties", "Layers", "DeploymentPreference", "RolePath", "PermissionsBoundary",
            "ReservedConcurrentExecutions", "ProvisionedConcurrencyConfig", "AssumeRolePolicyDocument",
            "EventInvokeConfig", "FileSystemConfigs", "CodeSigningConfigArn", "Architectures", "SnapStart",
            "EphemeralStorage", "FunctionUrlConfig", "RuntimeManagementConfig", "LoggingConfig", "RecursiveLoop",
            "SourceKMSKeyArn", "VersionDeletionPolicy",
        ],
        ["Api"] =
        [
            "Auth", "Name", "DefinitionUri", "CacheClusterEnabled", "CacheClusterSize", "MergeDefinitions", "Variables",
            "EndpointConfiguration", "MethodSettings", "BinaryMediaTypes", "MinimumCompressionSize", "Cors",
            "GatewayResponses", "AccessLogSetting", "CanarySetting", "TracingEnabled", "OpenApiVersion", "Domain",
            "AlwaysDeploy", "PropagateTags",
        ],
        ["HttpApi"] =
        [
            "Auth", "AccessLogSettings", "StageVariables", "Tags", "CorsConfiguration", "DefaultRouteSettings", "Domain",
            "RouteSettings", "FailOnWarnings", "PropagateTags",
        ],
        ["SimpleTable"] = ["SSESpecification"],
        ["LayerVersion"] = ["PublishLambdaVersion"],
        // Sections of resource types Stratus does not expand yet: accepted here so the message for a misspelled
        // section lists what SAM lists; the resources themselves are rejected by name.
        ["StateMachine"] = ["PropagateTags"],
        ["CapacityProvider"] = ["VpcConfig", "OperatorRole", "Tags", "InstanceRequirements", "ScalingConfig", "KmsKeyArn", "PropagateTags"],
        ["WebSocketApi"] =
        [
            "AccessLogSettings", "ApiKeySelectionExpression", "DefaultRouteSettings", "DisableExecuteApiEndpoint",
            "DisableSchemaValidation", "Domain", "FailOnWarnings", "IpAddressType", "PropagateTags",
            "RouteSelectionExpression", "RouteSettings", "StageVariables", "Tags",
        ],
    };

    public static void Apply(SamDocument document)
    {
        if (document.Root["Globals"] is not { } section)
        {
            return;
        }
        var globals = Parse(section);
        foreach (var (logicalId, node) in document.Resources)
        {
            if (node is not JsonObject resource || resource["Type"].AsString() is not { } type
                || !type.StartsWith(SamDocument.ServerlessPrefix, StringComparison.Ordinal)
                || !globals.TryGetValue(type[SamDocument.ServerlessPrefix.Length..], out var values))
            {
                continue;
            }
            var local = resource["Properties"] as JsonObject ?? [];
            resource["Properties"] = Merge(Ignoring(values, logicalId, resource), local);
        }
    }

    /// <summary>The IgnoreGlobals resource attribute: "*" ignores every global, a list ignores the properties named.</summary>
    private static JsonObject Ignoring(JsonObject globals, string logicalId, JsonObject resource)
    {
        switch (resource["IgnoreGlobals"])
        {
            case null:
                return globals;
            case JsonValue all when all.AsString() == "*":
                return [];
            case JsonArray names:
                var kept = (JsonObject)globals.DeepClone();
                foreach (var name in names.Select(n => n.AsString() ?? ""))
                {
                    if (!kept.Remove(name))
                    {
                        throw SamErrors.Document([$"Resource {logicalId} has invalid resource attribute 'IgnoreGlobals' on item '{name}'."]);
                    }
                }
                return kept;
            default:
                throw SamErrors.Document([$"Resource {logicalId} has invalid resource attribute 'IgnoreGlobals'."]);
        }
    }

    private static Dictionary<string, JsonObject> Parse(JsonNode section)
    {
        if (section is not JsonObject map)
        {
            throw Invalid("It must be a non-empty dictionary");
        }
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (name, properties) in map)
        {
            if (!_supported.TryGetValue(name, out var allowed))
            {
                throw Invalid($"'{name}' is not supported. Must be one of the following values - [{string.Join(", ", _supported.Keys.Order(StringComparer.Ordinal).Select(k => $"'{k}'"))}]");
            }
            if (properties is not JsonObject values)
            {
                throw Invalid($"Value of {name} must be a dictionary");
            }
            var unknown = values.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k));
            if (unknown is not null)
            {
                throw Invalid($"'{unknown}' is not a supported property of '{name}'. Must be one of the following values - [{string.Join(", ", allowed.Select(a => $"'{a}'"))}]");
            }
            result[name] = values;
        }
        return result;
    }

    private static JsonNode? Merge(JsonNode? global, JsonNode? local) => (Token(global), Token(local)) switch
    {
        (Kind.Map, Kind.Map) => MergeMaps((JsonObject)global!, (JsonObject)local!),
        (Kind.List, Kind.List) => new JsonArray([.. ((JsonArray)global!).Select(i => i?.DeepClone()), .. ((JsonArray)local!).Select(i => i?.DeepClone())]),
        _ => local?.DeepClone(),
    };

    private static JsonObject MergeMaps(JsonObject global, JsonObject local)
    {
        var merged = (JsonObject)global.DeepClone();
        foreach (var (key, value) in local)
        {
            merged[key] = merged.TryGetPropertyValue(key, out var existing) ? Merge(existing, value) : value?.DeepClone();
        }
        return merged;
    }

    private enum Kind
    {
        Scalar,
        Map,
        List,
    }

    private static Kind Token(JsonNode? node) => node switch
    {
        JsonObject map when map.IsIntrinsic(out _, out _) => Kind.Scalar,
        JsonObject => Kind.Map,
        JsonArray => Kind.List,
        _ => Kind.Scalar,
    };

    private static TemplateValidationException Invalid(string why) =>
        SamErrors.Document([$"'Globals' section is invalid. {why}"]);
}
