using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates;

/// <summary>One entry of the Resources section as written (intrinsics not evaluated).</summary>
public sealed record ResourceDeclaration
{
    public required string LogicalId { get; init; }
    public required string Type { get; init; }
    public JsonObject Properties { get; init; } = [];
    public IReadOnlyList<string> DependsOn { get; init; } = [];
    public string? Condition { get; init; }
    public JsonNode? DeletionPolicy { get; init; }
    public JsonNode? UpdateReplacePolicy { get; init; }
    public JsonNode? Metadata { get; init; }
    public JsonNode? CreationPolicy { get; init; }
    public JsonNode? UpdatePolicy { get; init; }

    /// <summary>The attributes a resource may carry besides Type and Properties ("Resource attribute reference").</summary>
    public static readonly IReadOnlySet<string> KnownAttributes = new HashSet<string>(StringComparer.Ordinal)
    {
        "Type", "Properties", "DependsOn", "Condition", "DeletionPolicy", "UpdateReplacePolicy", "Metadata",
        "CreationPolicy", "UpdatePolicy", "Version",
    };

    /// <summary>Attributes SAM resources may also carry before the transform runs.</summary>
    public static readonly IReadOnlySet<string> SamAttributes = new HashSet<string>(StringComparer.Ordinal) { "IgnoreGlobals", "Connectors" };

    public static IReadOnlyList<ResourceDeclaration> ReadAll(Template template)
    {
        var result = new List<ResourceDeclaration>(template.Resources.Count);
        foreach (var (logicalId, node) in template.Resources)
        {
            result.Add(Read(logicalId, node));
        }
        return result;
    }

    public static ResourceDeclaration Read(string logicalId, JsonNode? node)
    {
        if (node is not JsonObject body || !body["Type"].TryGetString(out var type))
        {
            throw TemplateValidationException.Format("Every Resources object must contain a Type member.");
        }
        return new ResourceDeclaration
        {
            LogicalId = logicalId,
            Type = type,
            Properties = body["Properties"] as JsonObject ?? [],
            DependsOn = ReadDependsOn(body["DependsOn"]),
            Condition = body["Condition"].AsString(),
            DeletionPolicy = body["DeletionPolicy"],
            UpdateReplacePolicy = body["UpdateReplacePolicy"],
            Metadata = body["Metadata"],
            CreationPolicy = body["CreationPolicy"],
            UpdatePolicy = body["UpdatePolicy"],
        };
    }

    private static IReadOnlyList<string> ReadDependsOn(JsonNode? node) => node switch
    {
        null => [],
        JsonValue v when v.TryGetString(out var one) => [one],
        JsonArray list => [.. list.Select(i => i.TryGetString(out var s)
            ? s
            : throw TemplateValidationException.Format("DependsOn must be a string or a list of strings"))],
        _ => throw TemplateValidationException.Format("DependsOn must be a string or a list of strings"),
    };
}
