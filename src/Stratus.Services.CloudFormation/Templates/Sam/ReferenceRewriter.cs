using System.Text;
using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates.Evaluation;

namespace Stratus.Services.CloudFormation.Templates.Sam;

/// <summary>
/// The last step of the transform: references to resources whose logical id changed (layer versions) follow them,
/// and the <c>Resource.Property</c> forms SAM offers (<c>!Ref MyFunction.Alias</c>, <c>!Ref MyApi.Stage</c>,
/// <c>${MyFunction.Version}</c>) become references to the generated resources.
/// </summary>
internal static class ReferenceRewriter
{
    public static void Apply(JsonObject template, IReadOnlyDictionary<string, string> changed, IReadOnlyDictionary<string, string> properties)
    {
        if (changed.Count == 0 && properties.Count == 0)
        {
            return;
        }
        foreach (var (key, value) in template.ToList())
        {
            if (key is "Resources" or "Outputs" or "Conditions" or "Metadata")
            {
                template[key] = Rewrite(value, changed, properties, key == "Resources");
            }
        }
    }

    private static JsonNode? Rewrite(JsonNode? node, IReadOnlyDictionary<string, string> changed, IReadOnlyDictionary<string, string> properties, bool resourcesLevel)
    {
        switch (node)
        {
            case JsonObject map when map.IsIntrinsic(out var function, out var argument):
                return new JsonObject { [function] = RewriteFunction(function, argument, changed, properties) };
            case JsonObject map:
                var copy = new JsonObject();
                foreach (var (key, child) in map)
                {
                    copy[key] = resourcesLevel && child is JsonObject resource
                        ? RewriteResource(resource, changed, properties)
                        : Rewrite(child, changed, properties, false);
                }
                return copy;
            case JsonArray list:
                return new JsonArray([.. list.Select(item => Rewrite(item, changed, properties, false))]);
            default:
                return node?.DeepClone();
        }
    }

    private static JsonObject RewriteResource(JsonObject resource, IReadOnlyDictionary<string, string> changed, IReadOnlyDictionary<string, string> properties)
    {
        var copy = (JsonObject)Rewrite(resource, changed, properties, false)!;
        copy["DependsOn"] = copy["DependsOn"] switch
        {
            JsonArray list => new JsonArray([.. list.Select(d => (JsonNode?)JsonValue.Create(Target(d.AsString() ?? "", changed)))]),
            JsonValue one when one.TryGetString(out var id) => JsonValue.Create(Target(id, changed)),
            var other => other?.DeepClone(),
        };
        if (copy["DependsOn"] is null)
        {
            copy.Remove("DependsOn");
        }
        return copy;
    }

    private static JsonNode? RewriteFunction(string function, JsonNode? argument, IReadOnlyDictionary<string, string> changed, IReadOnlyDictionary<string, string> properties)
    {
        switch (function)
        {
            case "Ref" when argument.TryGetString(out var name):
                return JsonValue.Create(properties.TryGetValue(name, out var generated) ? generated : Target(name, changed));
            case "Fn::GetAtt" when argument is JsonArray { Count: 2 } pair && pair[0].TryGetString(out var logicalId) && pair[1].TryGetString(out var attribute):
                var joined = $"{logicalId}.{attribute}";
                var property = properties.Keys.FirstOrDefault(k => joined.StartsWith(k + ".", StringComparison.Ordinal));
                return property is null
                    ? new JsonArray(Target(logicalId, changed), attribute)
                    : new JsonArray(properties[property], joined[(property.Length + 1)..]);
            case "Fn::Sub" when argument.TryGetString(out var text):
                return JsonValue.Create(RewriteSub(text, null, changed, properties));
            case "Fn::Sub" when argument is JsonArray { Count: 2 } pair && pair[0].TryGetString(out var withMap):
                return new JsonArray(RewriteSub(withMap, pair[1] as JsonObject, changed, properties), Rewrite(pair[1], changed, properties, false));
            default:
                return Rewrite(argument, changed, properties, false);
        }
    }

    private static string RewriteSub(string text, JsonObject? variables, IReadOnlyDictionary<string, string> changed, IReadOnlyDictionary<string, string> properties)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var part in SubTemplate.Parse(text))
        {
            if (!part.IsVariable)
            {
                builder.Append(part.Text.Replace("${", "${!", StringComparison.Ordinal));
                continue;
            }
            var name = part.Text;
            if (variables is null || !variables.ContainsKey(name))
            {
                var property = properties.Keys.FirstOrDefault(k => name == k || name.StartsWith(k + ".", StringComparison.Ordinal));
                if (property is not null)
                {
                    name = properties[property] + name[property.Length..];
                }
                else
                {
                    var dot = name.IndexOf('.', StringComparison.Ordinal);
                    name = dot < 0 ? Target(name, changed) : Target(name[..dot], changed) + name[dot..];
                }
            }
            builder.Append("${").Append(name).Append('}');
        }
        return builder.ToString();
    }

    private static string Target(string logicalId, IReadOnlyDictionary<string, string> changed) =>
        changed.TryGetValue(logicalId, out var replacement) ? replacement : logicalId;
}
