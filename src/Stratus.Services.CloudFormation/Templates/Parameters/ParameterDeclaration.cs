using System.Globalization;
using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Parameters;

/// <summary>How a parameter's value is shaped once bound.</summary>
public enum ParameterShape
{
    /// <summary>String, Number and the AWS-specific single-value types: Ref gives a string.</summary>
    Scalar,

    /// <summary>CommaDelimitedList, List&lt;Number&gt;, List&lt;AWS::...&gt;: Ref gives a list of strings.</summary>
    List,
}

/// <summary>One entry of the Parameters section, as declared. See "Parameters syntax" in the CloudFormation User Guide.</summary>
public sealed record ParameterDeclaration
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    public JsonNode? Default { get; init; }
    public bool NoEcho { get; init; }
    public IReadOnlyList<string>? AllowedValues { get; init; }
    public string? AllowedPattern { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public decimal? MinValue { get; init; }
    public decimal? MaxValue { get; init; }
    public string? Description { get; init; }
    public string? ConstraintDescription { get; init; }

    public ParameterShape Shape => IsListType(Type) ? ParameterShape.List : ParameterShape.Scalar;

    /// <summary>True for Number and List&lt;Number&gt;: each value must parse as a number.</summary>
    public bool IsNumeric => Type is "Number" or "List<Number>";

    /// <summary>AWS::SSM::Parameter::Value&lt;T&gt;: the given value names an SSM parameter whose value is used.</summary>
    public bool IsSsmValue => Type.StartsWith("AWS::SSM::Parameter::Value<", StringComparison.Ordinal);

    public static bool IsKnownType(string type) =>
        type is "String" or "Number" or "List<Number>" or "CommaDelimitedList" or "AWS::SSM::Parameter::Name"
        || (type.StartsWith("AWS::", StringComparison.Ordinal) && type.Length > 5)
        || (type.StartsWith("List<AWS::", StringComparison.Ordinal) && type.EndsWith('>'));

    private static bool IsListType(string type) =>
        type is "CommaDelimitedList" or "List<Number>"
        || type.StartsWith("List<", StringComparison.Ordinal)
        || (type.StartsWith("AWS::SSM::Parameter::Value<List<", StringComparison.Ordinal))
        || type == "AWS::SSM::Parameter::Value<CommaDelimitedList>";

    /// <summary>Reads every declaration, checking what CloudFormation checks at template validation.</summary>
    public static IReadOnlyList<ParameterDeclaration> ReadAll(Template template)
    {
        var result = new List<ParameterDeclaration>();
        foreach (var (name, node) in template.Parameters)
        {
            if (node is not JsonObject body)
            {
                throw TemplateValidationException.Format($"Parameter {name} must be a map");
            }
            if (!body["Type"].TryGetString(out var type))
            {
                throw TemplateValidationException.Format("Every Parameters object must contain a Type member.");
            }
            if (!IsKnownType(type))
            {
                throw TemplateValidationException.Format($"Unrecognized parameter type: {type}");
            }
            result.Add(Read(name, type, body));
        }
        return result;
    }

    private static ParameterDeclaration Read(string name, string type, JsonObject body) => new()
    {
        Name = name,
        Type = type,
        Default = body["Default"]?.DeepClone(),
        NoEcho = body["NoEcho"] is { } echo && echo.TryGetScalarText(out var e) && e.Equals("true", StringComparison.OrdinalIgnoreCase),
        AllowedValues = body["AllowedValues"] is JsonArray allowed
            ? [.. allowed.Select(a => a.TryGetScalarText(out var t) ? t : a?.ToJsonString() ?? "")]
            : null,
        AllowedPattern = body["AllowedPattern"].AsString(),
        MinLength = Integer(name, body, "MinLength"),
        MaxLength = Integer(name, body, "MaxLength"),
        MinValue = Number(name, body, "MinValue"),
        MaxValue = Number(name, body, "MaxValue"),
        Description = body["Description"].AsString(),
        ConstraintDescription = body["ConstraintDescription"].AsString(),
    };

    private static int? Integer(string name, JsonObject body, string key)
    {
        var value = Number(name, body, key);
        return value is null ? null : (int)Math.Clamp(value.Value, int.MinValue, int.MaxValue);
    }

    private static decimal? Number(string name, JsonObject body, string key)
    {
        if (body[key] is not { } node)
        {
            return null;
        }
        if (node.TryGetScalarText(out var text)
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        throw TemplateValidationException.Format($"Parameter '{name}' {key} must be a number");
    }
}
