using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates.Evaluation;

namespace Stratus.Services.CloudFormation.Templates.Graph;

/// <summary>A name an expression refers to through Ref, Fn::GetAtt or a Fn::Sub placeholder.</summary>
public readonly record struct ResourceReference(string Target, string? Attribute, string Function);

/// <summary>
/// Finds the references in an expression tree. When condition values are given, only the Fn::If branch that will be
/// taken is followed — CloudFormation does not create dependencies through a branch it discards.
/// </summary>
public static class ReferenceScanner
{
    public static IReadOnlyList<ResourceReference> Scan(JsonNode? node, IReadOnlyDictionary<string, bool>? conditions = null)
    {
        var found = new List<ResourceReference>();
        Walk(node, conditions, found);
        return found;
    }

    private static void Walk(JsonNode? node, IReadOnlyDictionary<string, bool>? conditions, List<ResourceReference> found)
    {
        switch (node)
        {
            case JsonObject map when map.IsIntrinsic(out var function, out var argument):
                WalkFunction(function, argument, conditions, found);
                break;
            case JsonObject map:
                foreach (var (_, child) in map)
                {
                    Walk(child, conditions, found);
                }
                break;
            case JsonArray list:
                foreach (var child in list)
                {
                    Walk(child, conditions, found);
                }
                break;
        }
    }

    private static void WalkFunction(
        string function, JsonNode? argument, IReadOnlyDictionary<string, bool>? conditions, List<ResourceReference> found)
    {
        switch (function)
        {
            case "Ref" when argument.TryGetString(out var name):
                found.Add(new ResourceReference(name, null, function));
                return;
            case "Fn::GetAtt":
                ScanGetAtt(argument, conditions, found);
                return;
            case "Fn::Sub":
                ScanSub(argument, conditions, found);
                return;
            case "Fn::If" when conditions is not null && argument is JsonArray { Count: 3 } branches
                                && branches[0].TryGetString(out var condition) && conditions.TryGetValue(condition, out var value):
                Walk(value ? branches[1] : branches[2], conditions, found);
                return;
            default:
                Walk(argument, conditions, found);
                return;
        }
    }

    private static void ScanGetAtt(JsonNode? argument, IReadOnlyDictionary<string, bool>? conditions, List<ResourceReference> found)
    {
        if (argument.TryGetString(out var dotted) && dotted.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot)
        {
            found.Add(new ResourceReference(dotted[..dot], dotted[(dot + 1)..], "Fn::GetAtt"));
        }
        else if (argument is JsonArray { Count: 2 } pair && pair[0].TryGetString(out var logicalId))
        {
            found.Add(new ResourceReference(logicalId, pair[1].AsString(), "Fn::GetAtt"));
            Walk(pair[1], conditions, found);
        }
    }

    private static void ScanSub(JsonNode? argument, IReadOnlyDictionary<string, bool>? conditions, List<ResourceReference> found)
    {
        string? text = argument.AsString();
        JsonObject? variables = null;
        if (argument is JsonArray { Count: 2 } pair)
        {
            text = pair[0].AsString();
            variables = pair[1] as JsonObject;
            Walk(variables, conditions, found);
        }
        if (text is null)
        {
            return;
        }
        foreach (var name in SubTemplate.Variables(text))
        {
            if (variables is not null && variables.ContainsKey(name))
            {
                continue;
            }
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            found.Add(dot > 0
                ? new ResourceReference(name[..dot], name[(dot + 1)..], "Fn::Sub")
                : new ResourceReference(name, null, "Fn::Sub"));
        }
    }
}
