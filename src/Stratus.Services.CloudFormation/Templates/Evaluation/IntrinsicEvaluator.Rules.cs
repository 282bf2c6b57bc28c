using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Evaluation;

public sealed partial class IntrinsicEvaluator
{
    /// <summary>The rule-specific functions ("Rule functions", CloudFormation User Guide). Fn::ValueOf and
    /// Fn::ValueOfAll read attributes of live AWS resources (VPC tags, subnet ids) that Stratus does not model.</summary>
    private JsonNode RuleFunction(string function, JsonNode? argument)
    {
        switch (function)
        {
            case "Fn::Contains":
            {
                var (list, value) = ListAndValue(function, argument);
                return JsonValue.Create(list.Contains(value, StringComparer.Ordinal));
            }
            case "Fn::EachMemberEquals":
            {
                var (list, value) = ListAndValue(function, argument);
                return JsonValue.Create(list.All(item => item == value));
            }
            case "Fn::EachMemberIn":
            {
                if (argument is not JsonArray { Count: 2 } pair)
                {
                    throw TemplateValidationException.Format($"{function} requires a list argument with two lists");
                }
                var check = Strings(function, Evaluate(pair[0]));
                var allowed = Strings(function, Evaluate(pair[1]));
                return JsonValue.Create(check.All(allowed.Contains));
            }
            case "Fn::RefAll":
            {
                var type = argument.AsString() ?? throw TemplateValidationException.Format("Fn::RefAll requires a parameter type");
                var values = _context.Parameters.All
                    .Where(p => p.Declaration.Type == type)
                    .SelectMany(p => p.ToNode() is JsonArray list ? Strings(function, list) : [p.Value]);
                return values.ToJsonArray();
            }
            default:
                throw TemplateValidationException.Format($"{function} reads live AWS resource attributes and is not supported by Stratus");
        }
    }

    private (IReadOnlyList<string> List, string Value) ListAndValue(string function, JsonNode? argument)
    {
        if (argument is JsonArray { Count: 2 } pair && Evaluate(pair[1]).TryGetScalarText(out var value))
        {
            return (Strings(function, Evaluate(pair[0])), value);
        }
        throw TemplateValidationException.Format($"{function} requires a list argument with a list of strings and a string");
    }

    private static IReadOnlyList<string> Strings(string function, JsonNode? node) => node switch
    {
        JsonArray list => [.. list.Select(i => i.TryGetScalarText(out var s)
            ? s
            : throw TemplateValidationException.Format($"{function} requires lists of strings"))],
        _ when node.TryGetScalarText(out var one) => [one],
        _ => throw TemplateValidationException.Format($"{function} requires lists of strings"),
    };
}
