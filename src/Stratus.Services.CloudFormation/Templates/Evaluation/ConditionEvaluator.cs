using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Evaluation;

/// <summary>
/// Evaluates the Conditions section once per stack operation. Conditions may use Fn::Equals/And/Or/Not, refer to
/// other conditions with <c>Condition</c>, and read parameters, pseudo parameters and mappings — never resources.
/// </summary>
public static class ConditionEvaluator
{
    public static IReadOnlyDictionary<string, bool> EvaluateAll(Template template, EvaluationContext context)
    {
        var definitions = template.Conditions;
        var values = new Dictionary<string, bool>(StringComparer.Ordinal);
        var visiting = new List<string>();
        foreach (var (name, _) in definitions)
        {
            Evaluate(name, definitions, context, values, visiting);
        }
        return values;
    }

    private static bool Evaluate(
        string name, JsonObject definitions, EvaluationContext context, Dictionary<string, bool> values, List<string> visiting)
    {
        if (values.TryGetValue(name, out var known))
        {
            return known;
        }
        if (!definitions.TryGetPropertyValue(name, out var definition))
        {
            throw TemplateValidationException.Format($"Unresolved condition dependencies [{name}] in the Conditions block of the template");
        }
        if (visiting.Contains(name))
        {
            throw TemplateValidationException.Format(
                $"Circular dependency between conditions: [{string.Join(", ", visiting.SkipWhile(v => v != name))}]");
        }
        visiting.Add(name);
        foreach (var dependency in ReferencedConditions(definition))
        {
            Evaluate(dependency, definitions, context, values, visiting);
        }
        visiting.Remove(name);
        var scoped = new EvaluationContext
        {
            Stack = context.Stack,
            Parameters = context.Parameters,
            Mappings = context.Mappings,
            Conditions = values,
        };
        var value = new IntrinsicEvaluator(scoped, TemplateBlock.Conditions).Truth(definition);
        values[name] = value;
        return value;
    }

    /// <summary>Names used as <c>{"Condition": name}</c> anywhere inside a condition definition.</summary>
    public static IEnumerable<string> ReferencedConditions(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map when map.Count == 1 && map["Condition"].TryGetString(out var name):
                yield return name;
                break;
            case JsonObject map:
                foreach (var (_, child) in map)
                {
                    foreach (var found in ReferencedConditions(child))
                    {
                        yield return found;
                    }
                }
                break;
            case JsonArray list:
                foreach (var child in list)
                {
                    foreach (var found in ReferencedConditions(child))
                    {
                        yield return found;
                    }
                }
                break;
        }
    }
}
