using Stratus.Services.CloudFormation.Templates.Parameters;

namespace Stratus.Services.CloudFormation.Templates;

/// <summary>
/// What ValidateTemplate and GetTemplateSummary report: the parameters, description, declared transforms, resource
/// types, and the capabilities a stack operation must acknowledge ("Acknowledging IAM resources in CloudFormation
/// templates"): CAPABILITY_IAM for IAM resources, CAPABILITY_NAMED_IAM when they have custom names,
/// CAPABILITY_AUTO_EXPAND for templates with transforms (macros).
/// </summary>
public sealed record TemplateSummary
{
    public string? Description { get; init; }
    public IReadOnlyList<ParameterDeclaration> Parameters { get; init; } = [];
    public IReadOnlyList<string> DeclaredTransforms { get; init; } = [];
    public IReadOnlyList<string> ResourceTypes { get; init; } = [];
    public IReadOnlyList<string> Capabilities { get; init; } = [];
    public string? CapabilitiesReason { get; init; }

    private static readonly Dictionary<string, string> _nameProperties = new(StringComparer.Ordinal)
    {
        ["AWS::IAM::Role"] = "RoleName",
        ["AWS::IAM::ManagedPolicy"] = "ManagedPolicyName",
        ["AWS::IAM::User"] = "UserName",
        ["AWS::IAM::Group"] = "GroupName",
        ["AWS::IAM::InstanceProfile"] = "InstanceProfileName",
    };

    public static TemplateSummary From(ProcessedTemplate template)
    {
        var resources = ResourceDeclaration.ReadAll(template.Processed);
        var iam = resources.Where(r => r.Type.StartsWith("AWS::IAM::", StringComparison.Ordinal)).ToList();
        var named = iam.Any(r => _nameProperties.TryGetValue(r.Type, out var property) && r.Properties.ContainsKey(property));
        var capabilities = new List<string>();
        if (iam.Count > 0)
        {
            capabilities.Add(named ? "CAPABILITY_NAMED_IAM" : "CAPABILITY_IAM");
        }
        if (template.Transforms.Count > 0)
        {
            capabilities.Add("CAPABILITY_AUTO_EXPAND");
        }
        return new TemplateSummary
        {
            Description = template.Original.Description,
            Parameters = ParameterDeclaration.ReadAll(template.Processed),
            DeclaredTransforms = template.Transforms,
            ResourceTypes = [.. resources.Select(r => r.Type).Distinct(StringComparer.Ordinal)],
            Capabilities = capabilities,
            CapabilitiesReason = iam.Count > 0
                ? $"The following resource(s) require capabilities: [{string.Join(", ", iam.Select(r => r.Type).Distinct(StringComparer.Ordinal))}]"
                : null,
        };
    }

    /// <summary>The capabilities the operation did not acknowledge; empty when it may proceed.</summary>
    public IReadOnlyList<string> MissingCapabilities(IEnumerable<string> acknowledged)
    {
        var given = acknowledged.ToHashSet(StringComparer.Ordinal);
        return [.. Capabilities.Where(c => !given.Contains(c) && !(c == "CAPABILITY_IAM" && given.Contains("CAPABILITY_NAMED_IAM")))];
    }

}
