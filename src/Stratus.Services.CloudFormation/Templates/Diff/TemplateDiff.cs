using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates.Catalog;

namespace Stratus.Services.CloudFormation.Templates.Diff;

/// <summary>
/// Compares the resources of a stack before and after an update — typically both from
/// <see cref="StackPlan.EvaluateSymbolically"/>, the new one resolving references through the stack's current state —
/// and says which resources are added, removed or modified, which properties changed, and whether each modification
/// replaces the resource per <see cref="ResourceTypeCatalog"/>.
/// </summary>
public static class TemplateDiff
{
    public static IReadOnlyList<ResourceChange> Compute(
        IReadOnlyDictionary<string, EvaluatedResource> before,
        IReadOnlyDictionary<string, EvaluatedResource> after)
    {
        var retyped = after.Values
            .Where(a => before.TryGetValue(a.LogicalId, out var b) && b.Type != a.Type)
            .Select(a => a.LogicalId)
            .ToList();
        if (retyped.Count > 0)
        {
            throw new TemplateValidationException(
                $"Update of resource type is not permitted. The new template modifies resource type of the following resources: [{string.Join(", ", retyped)}]");
        }
        var changes = new List<ResourceChange>();
        foreach (var (id, resource) in after)
        {
            if (!before.TryGetValue(id, out var old))
            {
                changes.Add(new ResourceChange { LogicalId = id, ResourceType = resource.Type, Action = ChangeAction.Add });
            }
            else if (Modification(old, resource) is { } modification)
            {
                changes.Add(modification);
            }
        }
        foreach (var (id, resource) in before)
        {
            if (!after.ContainsKey(id))
            {
                changes.Add(new ResourceChange { LogicalId = id, ResourceType = resource.Type, Action = ChangeAction.Remove });
            }
        }
        return changes;
    }

    private static ResourceChange? Modification(EvaluatedResource before, EvaluatedResource after)
    {
        ResourceTypeCatalog.TryGet(after.Type, out var info);
        var properties = new List<PropertyChange>();
        foreach (var name in before.Properties.Select(p => p.Key).Union(after.Properties.Select(p => p.Key)))
        {
            var old = before.Properties[name];
            var @new = after.Properties[name];
            if (!JsonNode.DeepEquals(old, @new))
            {
                properties.Add(new PropertyChange(name, old?.DeepClone(), @new?.DeepClone(),
                    info?.RequiresReplacement(name) ?? false, ContainsIntrinsic(@new)));
            }
        }
        var attributes = new List<string>();
        AddIfChanged(attributes, "Metadata", before.Metadata, after.Metadata);
        AddIfChanged(attributes, "CreationPolicy", before.CreationPolicy, after.CreationPolicy);
        AddIfChanged(attributes, "UpdatePolicy", before.UpdatePolicy, after.UpdatePolicy);
        if (before.DeletionPolicy != after.DeletionPolicy)
        {
            attributes.Add("DeletionPolicy");
        }
        if (before.UpdateReplacePolicy != after.UpdateReplacePolicy)
        {
            attributes.Add("UpdateReplacePolicy");
        }
        if (!before.DependsOn.OrderBy(d => d, StringComparer.Ordinal).SequenceEqual(after.DependsOn.OrderBy(d => d, StringComparer.Ordinal)))
        {
            attributes.Add("DependsOn");
        }
        if (properties.Count == 0 && attributes.Count == 0)
        {
            return null;
        }
        var replacement = properties.Any(p => p.RequiresReplacement && !p.IsDynamic) ? Replacement.True
            : properties.Any(p => p.RequiresReplacement) ? Replacement.Conditional
            : Replacement.False;
        return new ResourceChange
        {
            LogicalId = after.LogicalId,
            ResourceType = after.Type,
            Action = ChangeAction.Modify,
            Properties = properties,
            Attributes = attributes,
            Replacement = replacement,
        };
    }

    private static void AddIfChanged(List<string> attributes, string name, JsonNode? before, JsonNode? after)
    {
        if (!JsonNode.DeepEquals(before, after))
        {
            attributes.Add(name);
        }
    }

    private static bool ContainsIntrinsic(JsonNode? node) => node switch
    {
        JsonObject map when map.IsIntrinsic(out _, out _) => true,
        JsonObject map => map.Any(p => ContainsIntrinsic(p.Value)),
        JsonArray list => list.Any(ContainsIntrinsic),
        _ => false,
    };
}
