using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Sam;

/// <summary>Builders for the CloudFormation fragments the SAM transform emits.</summary>
internal static class Cfn
{
    public static JsonObject Ref(string name) => new() { ["Ref"] = name };

    public static JsonObject GetAtt(string logicalId, string attribute) => new() { ["Fn::GetAtt"] = new JsonArray(logicalId, attribute) };

    public static JsonObject Sub(string text) => new() { ["Fn::Sub"] = text };

    public static JsonObject Sub(string text, JsonObject variables) => new() { ["Fn::Sub"] = new JsonArray(text, variables) };

    public static JsonObject If(string condition, JsonNode? whenTrue, JsonNode? whenFalse) =>
        new() { ["Fn::If"] = new JsonArray(condition, whenTrue, whenFalse) };

    public static JsonObject NoValue() => Ref("AWS::NoValue");

    /// <summary>A resource: Type, then the given attributes (Condition, DeletionPolicy ...), then Properties.</summary>
    public static JsonObject Resource(string type, JsonObject? properties = null, JsonObject? attributes = null)
    {
        var resource = new JsonObject { ["Type"] = type };
        if (attributes is not null)
        {
            foreach (var (key, value) in attributes)
            {
                resource[key] = value?.DeepClone();
            }
        }
        if (properties is not null)
        {
            resource["Properties"] = properties;
        }
        return resource;
    }

    /// <summary>Sets <paramref name="key"/> when <paramref name="value"/> is present (SAM omits absent properties).</summary>
    public static JsonObject Set(this JsonObject target, string key, JsonNode? value)
    {
        if (value is not null)
        {
            target[key] = value.Parent is null ? value : value.DeepClone();
        }
        return target;
    }

    /// <summary>A {Key, Value} tag list from a tag map, in the map's order.</summary>
    public static JsonArray TagList(JsonObject? tags)
    {
        var list = new JsonArray();
        if (tags is null)
        {
            return list;
        }
        foreach (var (key, value) in tags)
        {
            list.Add(new JsonObject { ["Key"] = key, ["Value"] = value?.DeepClone() });
        }
        return list;
    }

    public static JsonNode? Clone(this JsonNode? node) => node?.DeepClone();
}
