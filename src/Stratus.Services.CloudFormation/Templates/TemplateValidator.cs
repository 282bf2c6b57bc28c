using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Stratus.Services.CloudFormation.Templates.Parameters;

namespace Stratus.Services.CloudFormation.Templates;

/// <summary>
/// The structural checks CloudFormation makes before evaluating anything (what ValidateTemplate reports): known
/// sections, well-formed resources, parameters, mappings, conditions and outputs, alphanumeric logical ids, and the
/// documented quotas ("CloudFormation quotas": 500 resources, 200 parameters, 200 outputs, 200 mappings).
/// </summary>
public static partial class TemplateValidator
{
    public const int MaxResources = 500;
    public const int MaxParameters = 200;
    public const int MaxOutputs = 200;
    public const int MaxMappings = 200;

    private static readonly HashSet<string> _sections = new(StringComparer.Ordinal)
    {
        Template.FormatVersionSection, Template.DescriptionSection, Template.MetadataSection, Template.ParametersSection,
        Template.RulesSection, Template.MappingsSection, Template.ConditionsSection, Template.TransformSection,
        Template.ResourcesSection, Template.OutputsSection, Template.HooksSection,
    };

    /// <param name="template">the template</param>
    /// <param name="beforeTransform">true while a transform is still to run: SAM's Globals section and
    /// AWS::Serverless::* types are then legal</param>
    public static void Validate(Template template, bool beforeTransform = false)
    {
        var root = template.Root;
        var unknown = root.Select(p => p.Key)
            .Where(k => !_sections.Contains(k) && !(beforeTransform && k == Template.GlobalsSection))
            .ToList();
        if (unknown.Count > 0)
        {
            throw TemplateValidationException.Format($"Invalid template property or properties [{string.Join(", ", unknown)}]");
        }
        if (root[Template.FormatVersionSection] is { } version && version.AsString() != "2010-09-09")
        {
            throw TemplateValidationException.Format($"'{version.ToJsonString().Trim('"')}' is not a supported AWSTemplateFormatVersion value.");
        }
        if (root[Template.DescriptionSection] is { } description && description.AsString() is null)
        {
            throw TemplateValidationException.Format("Every Description member must be a string.");
        }
        RequireMapOrAbsent(root, Template.ParametersSection, Template.MappingsSection, Template.ConditionsSection,
            Template.RulesSection, Template.OutputsSection, Template.ResourcesSection);
        ValidateResources(template, beforeTransform);
        _ = ParameterDeclaration.ReadAll(template); // reading the declarations checks each has a known Type
        ValidateNames(template.Parameters, "Parameter", MaxParameters, "parameters");
        ValidateMappings(template.Mappings);
        ValidateOutputs(template.Outputs);
    }

    private static void RequireMapOrAbsent(JsonObject root, params string[] sections)
    {
        foreach (var section in sections)
        {
            if (root[section] is { } node && node is not JsonObject)
            {
                throw TemplateValidationException.Format($"{section} must be a map");
            }
        }
    }

    private static void ValidateResources(Template template, bool beforeTransform)
    {
        var resources = template.Resources;
        if (resources.Count == 0)
        {
            throw TemplateValidationException.Format("At least one Resources member must be defined.");
        }
        ValidateNames(resources, "Resource", MaxResources, "resources");
        var conditions = template.Conditions;
        foreach (var (logicalId, node) in resources)
        {
            var declaration = ResourceDeclaration.Read(logicalId, node);
            var body = (JsonObject)node!;
            var unknownAttribute = body.Select(p => p.Key).FirstOrDefault(k => !ResourceDeclaration.KnownAttributes.Contains(k)
                && !(beforeTransform && ResourceDeclaration.SamAttributes.Contains(k)));
            if (unknownAttribute is not null)
            {
                throw TemplateValidationException.Format($"Invalid template resource property '{unknownAttribute}'");
            }
            if (body.TryGetPropertyValue("Properties", out var properties) && properties is not JsonObject)
            {
                throw TemplateValidationException.Format($"[/Resources/{logicalId}/Properties] 'null' values are not allowed in templates");
            }
            if (declaration.Condition is { } condition && !conditions.ContainsKey(condition))
            {
                throw TemplateValidationException.Format(
                    $"Unresolved condition dependencies [{condition}] in the Resources block of the template");
            }
        }
    }

    private static void ValidateNames(JsonObject section, string kind, int quota, string plural)
    {
        if (section.Count > quota)
        {
            throw TemplateValidationException.Format($"Number of {plural}, {section.Count}, is greater than maximum allowed, {quota}");
        }
        foreach (var (name, _) in section)
        {
            if (!LogicalIdPattern().IsMatch(name))
            {
                throw TemplateValidationException.Format($"{kind} name {name} is non alphanumeric.");
            }
        }
    }

    private static void ValidateMappings(JsonObject mappings)
    {
        if (mappings.Count > MaxMappings)
        {
            throw TemplateValidationException.Format($"Number of mappings, {mappings.Count}, is greater than maximum allowed, {MaxMappings}");
        }
        foreach (var (name, map) in mappings)
        {
            if (map is not JsonObject levels || levels.Any(l => l.Value is not JsonObject))
            {
                throw TemplateValidationException.Format($"Mappings attribute {name} must be a map of maps");
            }
            foreach (var (_, level) in levels)
            {
                if (((JsonObject)level!).Any(v => v.Value is JsonObject || v.Value is null))
                {
                    throw TemplateValidationException.Format("Every Mappings attribute must be a String or a List.");
                }
            }
        }
    }

    private static void ValidateOutputs(JsonObject outputs)
    {
        ValidateNames(outputs, "Output", MaxOutputs, "outputs");
        foreach (var (name, output) in outputs)
        {
            if (output is not JsonObject body || !body.ContainsKey("Value"))
            {
                throw TemplateValidationException.Format(
                    $"Every Outputs member must contain a Value object, the Output member {name} is missing the Value object");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9]{1,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex LogicalIdPattern();
}
