using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates.Catalog;
using Stratus.Services.CloudFormation.Templates.Evaluation;
using Stratus.Services.CloudFormation.Templates.Graph;

namespace Stratus.Services.CloudFormation.Templates;

/// <summary>
/// Template-wide reference checks CloudFormation makes whatever the conditions: every Ref names a parameter, a pseudo
/// parameter or a resource; every Fn::GetAtt names a resource and (for catalogued types) an attribute it has; every
/// DependsOn names a resource; every Fn::If names a condition.
/// </summary>
public static class ReferenceValidator
{
    public static void Validate(Template template)
    {
        var resources = ResourceDeclaration.ReadAll(template);
        var types = resources.ToDictionary(r => r.LogicalId, r => r.Type, StringComparer.Ordinal);
        var parameters = template.Parameters.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var conditions = template.Conditions;
        foreach (var resource in resources)
        {
            Check(resource.Properties, "Resources", types, parameters);
            CheckConditionNames(resource.Properties, conditions);
            var missing = resource.DependsOn.Where(d => !types.ContainsKey(d)).ToList();
            if (missing.Count > 0)
            {
                throw Unresolved(missing, "Resources");
            }
        }
        foreach (var (_, output) in template.Outputs)
        {
            Check(output, "Outputs", types, parameters);
            CheckConditionNames(output, conditions);
        }
    }

    private static void Check(JsonNode? node, string block, Dictionary<string, string> types, HashSet<string> parameters)
    {
        var unresolved = new List<string>();
        foreach (var reference in ReferenceScanner.Scan(node))
        {
            var isResource = types.TryGetValue(reference.Target, out var type);
            if (reference.Function == "Fn::GetAtt")
            {
                if (!isResource)
                {
                    throw TemplateValidationException.Evaluation($"instance of Fn::GetAtt references undefined resource {reference.Target}");
                }
                CheckAttribute(reference, type!);
                continue;
            }
            if (reference.Attribute is not null && isResource)
            {
                CheckAttribute(reference, type!);
                continue;
            }
            if (!isResource && !parameters.Contains(reference.Target) && !StackContext.IsPseudoParameter(reference.Target))
            {
                unresolved.Add(reference.Attribute is null ? reference.Target : $"{reference.Target}.{reference.Attribute}");
            }
        }
        if (unresolved.Count > 0)
        {
            throw Unresolved(unresolved.Distinct().ToList(), block);
        }
    }

    private static void CheckAttribute(ResourceReference reference, string type)
    {
        if (reference.Attribute is { } attribute && ResourceTypeCatalog.TryGet(type, out var info) && !info.SupportsAttribute(attribute))
        {
            throw TemplateValidationException.Evaluation(
                $"resource {reference.Target} does not support attribute type {attribute} in Fn::GetAtt");
        }
    }

    private static void CheckConditionNames(JsonNode? node, JsonObject conditions)
    {
        switch (node)
        {
            case JsonObject map when map.IsIntrinsic(out var function, out var argument) && function == "Fn::If":
                if (argument is JsonArray { Count: 3 } branches && branches[0].TryGetString(out var name) && !conditions.ContainsKey(name))
                {
                    throw TemplateValidationException.Evaluation($"unresolved condition dependency {name} in Fn::If");
                }
                CheckConditionNames(argument, conditions);
                break;
            case JsonObject map:
                foreach (var (_, child) in map)
                {
                    CheckConditionNames(child, conditions);
                }
                break;
            case JsonArray list:
                foreach (var child in list)
                {
                    CheckConditionNames(child, conditions);
                }
                break;
        }
    }

    private static TemplateValidationException Unresolved(IReadOnlyList<string> names, string block) => TemplateValidationException.Format(
        $"Unresolved resource dependencies [{string.Join(", ", names)}] in the {block} block of the template");
}
