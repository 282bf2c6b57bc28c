using System.Globalization;
using System.Text.RegularExpressions;

namespace Stratus.Services.CloudFormation.Templates.Parameters;

/// <summary>
/// Binds the values a caller passes to the template's declared parameters and checks every constraint, with the
/// messages CloudFormation answers (e.g. "Parameters: [Env] must have values",
/// "Parameter 'Env' must be one of AllowedValues").
/// </summary>
public static class ParameterBinder
{
    private static readonly TimeSpan _patternTimeout = TimeSpan.FromMilliseconds(200);

    /// <param name="template">the (transformed) template</param>
    /// <param name="values">ParameterKey → ParameterValue as the caller passed them</param>
    /// <param name="ssmLookup">resolves SSM parameter names for AWS::SSM::Parameter::Value&lt;T&gt; types; when it
    /// is null or answers null, the given value (usually the default) is used as is</param>
    public static ResolvedParameters Bind(
        Template template,
        IReadOnlyDictionary<string, string>? values,
        Func<string, string?>? ssmLookup = null)
    {
        values ??= new Dictionary<string, string>();
        var declarations = ParameterDeclaration.ReadAll(template);
        var declared = declarations.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = values.Keys.Where(k => !declared.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new TemplateValidationException($"Parameters: [{string.Join(", ", unknown)}] do not exist in the template");
        }
        var missing = new List<string>();
        var resolved = new List<ResolvedParameter>();
        foreach (var declaration in declarations)
        {
            string? value = values.TryGetValue(declaration.Name, out var given) ? given
                : declaration.Default is { } d && d.TryGetScalarText(out var text) ? text
                : declaration.Default is System.Text.Json.Nodes.JsonArray list ? string.Join(",", list.Select(i => i.TryGetScalarText(out var t) ? t : ""))
                : null;
            if (value is null)
            {
                missing.Add(declaration.Name);
                continue;
            }
            Check(declaration, value);
            var ssmValue = declaration.IsSsmValue ? ssmLookup?.Invoke(value) : null;
            resolved.Add(new ResolvedParameter(declaration, value, ssmValue));
        }
        if (missing.Count > 0)
        {
            throw new TemplateValidationException($"Parameters: [{string.Join(", ", missing)}] must have values");
        }
        return new ResolvedParameters(resolved);
    }

    /// <summary>CommaDelimitedList semantics: split on commas, each member space-trimmed.</summary>
    public static IReadOnlyList<string> SplitList(string value) =>
        value.Length == 0 ? [] : [.. value.Split(',').Select(s => s.Trim())];

    private static void Check(ParameterDeclaration declaration, string value)
    {
        var members = declaration.Shape == ParameterShape.List ? SplitList(value) : [value];
        foreach (var member in members)
        {
            CheckMember(declaration, member);
        }
    }

    private static void CheckMember(ParameterDeclaration p, string value)
    {
        if (p.IsNumeric)
        {
            if (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                throw Fail(p, "must be a number");
            }
            if (p.MinValue is { } min && number < min)
            {
                throw Fail(p, $"must be a number not less than {min.ToString(CultureInfo.InvariantCulture)}");
            }
            if (p.MaxValue is { } max && number > max)
            {
                throw Fail(p, $"must be a number not greater than {max.ToString(CultureInfo.InvariantCulture)}");
            }
        }
        if (p.AllowedValues is { } allowed && !allowed.Contains(value, StringComparer.Ordinal))
        {
            throw Fail(p, "must be one of AllowedValues");
        }
        if (!p.IsNumeric)
        {
            if (p.MinLength is { } minLength && value.Length < minLength)
            {
                throw Fail(p, $"must contain at least {minLength} characters");
            }
            if (p.MaxLength is { } maxLength && value.Length > maxLength)
            {
                throw Fail(p, $"must contain at most {maxLength} characters");
            }
        }
        if (p.AllowedPattern is { } pattern && !MatchesWhole(pattern, value))
        {
            throw Fail(p, $"must match pattern {pattern}");
        }
    }

    // AllowedPattern must match the whole value (CloudFormation's Java regex uses String.matches semantics).
    private static bool MatchesWhole(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, $"^(?:{pattern})$", RegexOptions.CultureInvariant, _patternTimeout);
        }
        catch (ArgumentException)
        {
            throw TemplateValidationException.Format($"Invalid AllowedPattern {pattern}");
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    // With a ConstraintDescription, CloudFormation shows it instead of the generic constraint text.
    private static TemplateValidationException Fail(ParameterDeclaration p, string generic) =>
        new(p.ConstraintDescription is { } custom
            ? $"Parameter '{p.Name}' failed to satisfy constraint: {custom}"
            : $"Parameter '{p.Name}' {generic}");
}
