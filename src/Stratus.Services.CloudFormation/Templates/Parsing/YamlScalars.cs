using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Stratus.Services.CloudFormation.Templates.Parsing;

/// <summary>
/// Types plain (unquoted) YAML scalars the way CloudFormation's YAML 1.1 parser does: quoted, literal and folded
/// scalars always stay strings; plain ones may be null, booleans (true/false/yes/no/on/off), integers (decimal,
/// 0x hex, 0o/leading-zero octal, 0b binary, with '_' separators) or floats. Timestamps stay strings: the
/// CloudFormation User Guide lists the timestamp tag among the YAML features templates do not support, so
/// <c>AWSTemplateFormatVersion: 2010-09-09</c> is the string "2010-09-09".
/// </summary>
internal static partial class YamlScalars
{
    public static JsonNode? Plain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF":
                return JsonValue.Create(false);
        }
        if (TryInteger(text, out var integer))
        {
            return JsonValue.Create(integer);
        }
        if (FloatPattern().IsMatch(text)
            && decimal.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }
        return JsonValue.Create(text);
    }

    private static bool TryInteger(string text, out long value)
    {
        value = 0;
        var match = IntegerPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }
        var negative = match.Groups["sign"].Value == "-";
        var digits = match.Groups["digits"].Value.Replace("_", "", StringComparison.Ordinal);
        var radix = match.Groups["prefix"].Value switch
        {
            "0x" => 16,
            "0b" => 2,
            "0o" => 8,
            "0" when digits.Length > 0 => 8,
            _ => 10,
        };
        if (match.Groups["prefix"].Value == "0" && digits.Length == 0)
        {
            digits = "0";
        }
        try
        {
            var magnitude = Convert.ToInt64(digits, radix);
            value = negative ? -magnitude : magnitude;
            return true;
        }
        catch (Exception e) when (e is OverflowException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    // YAML 1.1 int: [-+]?0b[01_]+ | [-+]?0[0-7_]+ | [-+]?(0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ (plus 0o for 1.2 habits).
    [GeneratedRegex(@"^(?<sign>[-+]?)(?:(?<prefix>0b)(?<digits>[01_]+)|(?<prefix>0x)(?<digits>[0-9a-fA-F_]+)|(?<prefix>0o)(?<digits>[0-7_]+)|(?<prefix>0)(?<digits>[0-7_]*)|(?<digits>[1-9][0-9_]*))$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    // YAML 1.1 float without the sexagesimal and inf/nan forms (those stay strings rather than become doubles).
    [GeneratedRegex(@"^[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9_]+)(?:[eE][-+][0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
