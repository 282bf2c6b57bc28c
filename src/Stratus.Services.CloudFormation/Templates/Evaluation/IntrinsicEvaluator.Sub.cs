using System.Text;
using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Evaluation;

public sealed partial class IntrinsicEvaluator
{
    /// <summary>
    /// Fn::Sub, string form or [string, {Var: value}] form. A placeholder resolves, in order, to a variable of the
    /// map, a parameter or pseudo parameter, a resource's Ref, or (with a dot) a resource attribute.
    /// </summary>
    private JsonNode Sub(JsonNode? argument)
    {
        string text;
        JsonObject? variables = null;
        if (argument.TryGetString(out var plain))
        {
            text = plain;
        }
        else if (argument is JsonArray { Count: 2 } pair && pair[0].TryGetString(out var withMap) && pair[1] is JsonObject map)
        {
            text = withMap;
            variables = map;
        }
        else
        {
            throw TemplateValidationException.Evaluation(
                "One or more Fn::Sub intrinsic functions don't specify expected arguments. Specify a string as first "
                + "argument, and an optional second argument to specify a mapping of values to replace in the string");
        }
        var builder = new StringBuilder(text.Length);
        foreach (var part in SubTemplate.Parse(text))
        {
            builder.Append(part.IsVariable ? Substitute(part.Text, variables) : part.Text);
        }
        return JsonValue.Create(builder.ToString());
    }

    private string Substitute(string name, JsonObject? variables)
    {
        JsonNode? value;
        if (variables is not null && variables.TryGetPropertyValue(name, out var local))
        {
            value = Evaluate(local);
            if (ReferenceEquals(value, _noValue))
            {
                throw TemplateValidationException.Evaluation($"variable {name} in Fn::Sub expression does not resolve to a string");
            }
        }
        else if (name == "AWS::NoValue")
        {
            throw TemplateValidationException.Evaluation("AWS::NoValue cannot be used in Fn::Sub");
        }
        else if (_context.Stack.PseudoParameter(name) is { } pseudo)
        {
            value = pseudo;
        }
        else if (_context.Parameters.TryGetNode(name, out var parameter))
        {
            value = parameter;
        }
        else if (name.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot)
        {
            value = GetAtt(new JsonArray(name[..dot], name[(dot + 1)..]));
        }
        else
        {
            value = JsonValue.Create(ResourceRef(name));
        }
        return value.TryGetScalarText(out var text)
            ? text
            : throw TemplateValidationException.Evaluation($"variable {name} in Fn::Sub expression does not resolve to a string");
    }
}
