using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates;

/// <summary>Small helpers over System.Text.Json.Nodes used throughout the template engine.</summary>
internal static class JsonNodes
{
    public static bool TryGetString(this JsonNode? node, out string value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return true;
        }
        value = "";
        return false;
    }

    public static string? AsString(this JsonNode? node) => node.TryGetString(out var s) ? s : null;

    /// <summary>
    /// The text CloudFormation uses when a scalar stands where a string is expected (a Join item, a Sub variable,
    /// a parameter default): numbers and booleans print as in JSON ("30", "true"); null and containers have none.
    /// </summary>
    public static bool TryGetScalarText(this JsonNode? node, out string text)
    {
        text = "";
        if (node is not JsonValue v)
        {
            return false;
        }
        switch (v.GetValueKind())
        {
            case JsonValueKind.String:
                text = v.GetValue<string>();
                return true;
            case JsonValueKind.True:
                text = "true";
                return true;
            case JsonValueKind.False:
                text = "false";
                return true;
            case JsonValueKind.Number:
                text = NumberText(v);
                return true;
            default:
                return false;
        }
    }

    private static string NumberText(JsonValue v)
    {
        if (v.TryGetValue(out long l))
        {
            return l.ToString(CultureInfo.InvariantCulture);
        }
        if (v.TryGetValue(out decimal m))
        {
            return m.ToString(CultureInfo.InvariantCulture);
        }
        return v.ToJsonString();
    }

    /// <summary>True when <paramref name="node"/> is a one-key map whose key names an intrinsic function
    /// (<c>Ref</c>, <c>Condition</c> or <c>Fn::*</c>).</summary>
    public static bool IsIntrinsic(this JsonNode? node, out string function, out JsonNode? argument)
    {
        function = "";
        argument = null;
        if (node is not JsonObject map || map.Count != 1)
        {
            return false;
        }
        var (key, value) = map.First();
        if (key is "Ref" or "Condition" || key.StartsWith("Fn::", StringComparison.Ordinal))
        {
            function = key;
            argument = value;
            return true;
        }
        return false;
    }

    public static JsonNode? CloneNode(this JsonNode? node) => node?.DeepClone();

    public static JsonArray ToJsonArray(this IEnumerable<string> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(JsonValue.Create(item));
        }
        return array;
    }

    /// <summary>A node's kind as CloudFormation's messages name it.</summary>
    public static string Describe(this JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            _ => "boolean",
        },
        _ => "value",
    };
}
