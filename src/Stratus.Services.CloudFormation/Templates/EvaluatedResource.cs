using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates;

/// <summary>A resource with every intrinsic function in its definition evaluated: what a provisioner acts on.</summary>
public sealed record EvaluatedResource
{
    public required string LogicalId { get; init; }
    public required string Type { get; init; }
    public required JsonObject Properties { get; init; }
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Delete (the default), Retain, RetainExceptOnCreate or Snapshot.</summary>
    public string DeletionPolicy { get; init; } = "Delete";

    /// <summary>Delete (the default), Retain or Snapshot.</summary>
    public string UpdateReplacePolicy { get; init; } = "Delete";

    public JsonNode? Metadata { get; init; }
    public JsonNode? CreationPolicy { get; init; }
    public JsonNode? UpdatePolicy { get; init; }
}

/// <summary>An evaluated entry of the Outputs section.</summary>
public sealed record StackOutput(string Key, string Value, string? Description, string? ExportName);
