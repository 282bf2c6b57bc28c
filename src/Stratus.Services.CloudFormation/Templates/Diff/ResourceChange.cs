using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Diff;

/// <summary>What happens to a resource in an update (CloudFormation's change set Action).</summary>
public enum ChangeAction
{
    Add,
    Modify,
    Remove,
}

/// <summary>Whether a modification replaces the resource (CloudFormation's change set Replacement field).</summary>
public enum Replacement
{
    False,
    True,

    /// <summary>A replacement property's new value depends on another resource, so it is known only at update time.</summary>
    Conditional,
}

/// <summary>One changed top-level property.</summary>
/// <param name="Name">the property name</param>
/// <param name="Before">the old value (null when added)</param>
/// <param name="After">the new value (null when removed); may still hold intrinsics when evaluated symbolically</param>
/// <param name="RequiresReplacement">the catalogue lists the property as "Update requires: Replacement"</param>
/// <param name="IsDynamic">the new value references a resource whose value is not known yet</param>
public sealed record PropertyChange(string Name, JsonNode? Before, JsonNode? After, bool RequiresReplacement, bool IsDynamic);

/// <summary>One resource's change between two versions of a stack.</summary>
public sealed record ResourceChange
{
    public required string LogicalId { get; init; }
    public required string ResourceType { get; init; }
    public required ChangeAction Action { get; init; }
    public IReadOnlyList<PropertyChange> Properties { get; init; } = [];

    /// <summary>Changed resource attributes other than Properties (Metadata, DeletionPolicy, UpdateReplacePolicy,
    /// DependsOn, CreationPolicy, UpdatePolicy).</summary>
    public IReadOnlyList<string> Attributes { get; init; } = [];

    public Replacement Replacement { get; init; } = Replacement.False;
}
