using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates.Evaluation;

namespace Stratus.Services.CloudFormation.Templates.Sam;

/// <summary>
/// Resolves references to template parameters (given values, else defaults) and to AWS::Region / AWS::Partition,
/// the only values the SAM transform knows before deployment. Used where SAM needs a value at transform time — the
/// alias name, the code location whose hash names a Lambda version — and leaves every other intrinsic untouched.
/// </summary>
internal sealed class SamParameterResolver
{
    private readonly Dictionary<string, JsonNode> _values = new(StringComparer.Ordinal);

    public SamParameterResolver(Template template, SamTransformOptions options)
    {
        foreach (var (name, declaration) in template.Parameters)
        {
            if (options.ParameterValues.TryGetValue(name, out var given))
            {
                _values[name] = JsonValue.Create(given);
            }
            else if (declaration is JsonObject body && body.TryGetPropertyValue("Default", out var fallback) && fallback is not null)
            {
                _values[name] = fallback.DeepClone();
            }
        }
        _values["AWS::Region"] = JsonValue.Create(options.Region);
        _values["AWS::Partition"] = JsonValue.Create(StackContext.PartitionOf(options.Region));
    }

    /// <summary>A copy of <paramref name="node"/> with parameter references replaced by their values.</summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map when map.IsIntrinsic(out var function, out var argument):
                if (function == "Ref" && argument.TryGetString(out var name) && _values.TryGetValue(name, out var value))
                {
                    return value.DeepClone();
                }
                if (function == "Fn::Sub")
                {
                    return new JsonObject { ["Fn::Sub"] = ResolveSub(argument) };
                }
                return new JsonObject { [function] = function == "Fn::GetAtt" ? argument?.DeepClone() : Resolve(argument) };
            case JsonObject map:
                var copy = new JsonObject();
                foreach (var (key, child) in map)
                {
                    copy[key] = Resolve(child);
                }
                return copy;
            case JsonArray list:
                return new JsonArray([.. list.Select(Resolve)]);
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>The resolved value when it is a plain string; null otherwise.</summary>
    public string? ResolveString(JsonNode? node) => Resolve(node) is JsonValue value && value.TryGetScalarText(out var text) ? text : null;

    private JsonNode? ResolveSub(JsonNode? argument)
    {
        if (argument.TryGetString(out var text))
        {
            return JsonValue.Create(Substitute(text, null));
        }
        if (argument is JsonArray { Count: 2 } pair && pair[0].TryGetString(out var withMap))
        {
            var variables = pair[1] as JsonObject;
            return new JsonArray(Substitute(withMap, variables), Resolve(pair[1]));
        }
        return argument?.DeepClone();
    }

    private string Substitute(string text, JsonObject? variables)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var part in SubTemplate.Parse(text))
        {
            if (part.IsVariable && (variables is null || !variables.ContainsKey(part.Text))
                && _values.TryGetValue(part.Text, out var value) && value.TryGetScalarText(out var replacement))
            {
                builder.Append(replacement);
            }
            else
            {
                builder.Append(part.IsVariable ? $"${{{part.Text}}}" : EscapeLiteral(part.Text));
            }
        }
        return builder.ToString();
    }

    // SubTemplate turns "${!X}" into the literal "${X}"; put the escape back, since the result is still a Fn::Sub.
    private static string EscapeLiteral(string text) => text.Replace("${", "${!", StringComparison.Ordinal);
}
