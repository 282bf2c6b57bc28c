using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates.Parameters;

namespace Stratus.Services.CloudFormation.Templates.Evaluation;

/// <summary>Which section an expression sits in: it decides what it may reference and how errors are worded.</summary>
public enum TemplateBlock
{
    Conditions,
    Rules,
    Resources,
    Outputs,
}

/// <summary>
/// What a reference to a resource that does not exist yet does: <see cref="Strict"/> fails (provisioning, where
/// the creation order guarantees every dependency exists), <see cref="Symbolic"/> leaves that intrinsic in place with
/// everything else evaluated (change sets and diffs, computed before anything is created).
/// </summary>
public enum ReferenceMode
{
    Strict,
    Symbolic,
}

/// <summary>Everything intrinsic functions read: parameters, mappings, conditions, pseudo parameters and resources.</summary>
public sealed class EvaluationContext
{
    public required StackContext Stack { get; init; }
    public ResolvedParameters Parameters { get; init; } = ResolvedParameters.Empty;
    public JsonObject Mappings { get; init; } = [];

    /// <summary>Every condition's value (evaluate them with <see cref="ConditionEvaluator"/>).</summary>
    public IReadOnlyDictionary<string, bool> Conditions { get; init; } = new Dictionary<string, bool>();

    /// <summary>Logical ids of the resources that exist in this stack operation (their Condition, if any, is true).</summary>
    public IReadOnlySet<string> ResourceIds { get; init; } = new HashSet<string>();

    /// <summary>Logical ids declared in the template whose Condition is false: referencing them outside a
    /// Fn::If branch that is not taken is an error, as in CloudFormation.</summary>
    public IReadOnlySet<string> InactiveResourceIds { get; init; } = new HashSet<string>();

    /// <summary>Types of the declared resources, to check Fn::GetAtt attribute names against the catalogue.</summary>
    public IReadOnlyDictionary<string, string> ResourceTypes { get; init; } = new Dictionary<string, string>();

    public IResourceResolver Resources { get; init; } = DictionaryResourceResolver.Empty;
    public IExportResolver? Exports { get; init; }
}
