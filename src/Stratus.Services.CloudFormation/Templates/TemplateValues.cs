using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates;

/// <summary>
/// Reading evaluated property values the way CloudFormation coerces them: templates may write a string property as
/// <c>Timeout: 30</c> or <c>Enabled: "true"</c> (YAML gives numbers and booleans; parameters always give strings), and
/// CloudFormation accepts either spelling where the resource type expects a string, number or boolean.
/// </summary>
public static class TemplateValues
{
    /// <summary>A scalar as text ("30", "true", "x"); null for null, maps and lists.</summary>
    public static string? AsText(JsonNode? value) => value.TryGetScalarText(out var text) ? text : null;

    public static long? AsInteger(JsonNode? value) =>
        AsText(value) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static decimal? AsNumber(JsonNode? value) =>
        AsText(value) is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>true/false, whatever the case, from a boolean or a string.</summary>
    public static bool? AsBoolean(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(value.GetValue<string>(), out var parsed) => parsed,
        _ => null,
    };

    /// <summary>A list of scalars as text; null when the value is not a list of scalars.</summary>
    public static IReadOnlyList<string>? AsTextList(JsonNode? value)
    {
        if (value is not JsonArray list)
        {
            return null;
        }
        var result = new List<string>(list.Count);
        foreach (var item in list)
        {
            if (AsText(item) is not { } text)
            {
                return null;
            }
            result.Add(text);
        }
        return result;
    }
}
