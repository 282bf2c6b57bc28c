using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates.Evaluation;
using Stratus.Services.CloudFormation.Templates.Graph;
using Stratus.Services.CloudFormation.Templates.Parameters;

namespace Stratus.Services.CloudFormation.Templates;

/// <summary>
/// A processed template bound to one stack operation: parameters bound and checked, conditions and rules evaluated,
/// the active resources (Condition true) with their dependency graph and creation/deletion order. Resource properties
/// and outputs are evaluated on demand through an <see cref="IResourceResolver"/>, because they read values of
/// resources that only exist once the provisioner has created them.
/// </summary>
public sealed class StackPlan
{
    private readonly Dictionary<string, ResourceDeclaration> _resources;
    private readonly EvaluationContext _context;

    private StackPlan(Template template, EvaluationContext context, IReadOnlyList<ResourceDeclaration> active, DependencyGraph graph)
    {
        Template = template;
        _context = context;
        Resources = active;
        Graph = graph;
        _resources = active.ToDictionary(r => r.LogicalId, StringComparer.Ordinal);
    }

    public Template Template { get; }
    public StackContext Stack => _context.Stack;
    public ResolvedParameters Parameters => _context.Parameters;
    public IReadOnlyDictionary<string, bool> Conditions => _context.Conditions;

    /// <summary>The resources this operation creates or keeps, in template order.</summary>
    public IReadOnlyList<ResourceDeclaration> Resources { get; }

    public DependencyGraph Graph { get; }
    public IReadOnlyList<string> CreationOrder => Graph.CreationOrder;
    public IReadOnlyList<string> DeletionOrder => Graph.DeletionOrder;

    /// <summary>
    /// Validates the (already transformed) template, binds <paramref name="parameterValues"/>, evaluates conditions and
    /// rules and orders the resources. Throws <see cref="TemplateValidationException"/> with CloudFormation's message.
    /// </summary>
    public static StackPlan Create(
        Template template,
        StackContext stack,
        IReadOnlyDictionary<string, string>? parameterValues = null,
        Func<string, string?>? ssmLookup = null)
    {
        if (template.Transforms.Count > 0)
        {
            throw new TemplateValidationException(
                $"Template declares transforms [{string.Join(", ", template.Transforms)}]: expand it with TemplateProcessor first");
        }
        TemplateValidator.Validate(template);
        ReferenceValidator.Validate(template);
        var parameters = ParameterBinder.Bind(template, parameterValues, ssmLookup);
        var baseContext = new EvaluationContext { Stack = stack, Parameters = parameters, Mappings = template.Mappings };
        var conditions = ConditionEvaluator.EvaluateAll(template, baseContext);
        var declared = ResourceDeclaration.ReadAll(template);
        var active = declared.Where(r => r.Condition is null || conditions[r.Condition]).ToList();
        var context = new EvaluationContext
        {
            Stack = stack,
            Parameters = parameters,
            Mappings = template.Mappings,
            Conditions = conditions,
            ResourceIds = active.Select(r => r.LogicalId).ToHashSet(StringComparer.Ordinal),
            InactiveResourceIds = declared.Except(active).Select(r => r.LogicalId).ToHashSet(StringComparer.Ordinal),
            ResourceTypes = declared.ToDictionary(r => r.LogicalId, r => r.Type, StringComparer.Ordinal),
        };
        RuleEvaluator.Check(template, context);
        var graph = DependencyGraph.Build(active, parameters.All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal), conditions);
        return new StackPlan(template, context, active, graph);
    }

    public ResourceDeclaration GetDeclaration(string logicalId) => _resources.TryGetValue(logicalId, out var r)
        ? r
        : throw new KeyNotFoundException($"Resource {logicalId} is not part of this stack operation");

    /// <summary>
    /// Evaluates one resource's definition. With <see cref="ReferenceMode.Strict"/> every resource it references must
    /// be known to <paramref name="resolver"/> (true when following <see cref="CreationOrder"/>); with
    /// <see cref="ReferenceMode.Symbolic"/> unknown references stay as intrinsic functions.
    /// </summary>
    public EvaluatedResource EvaluateResource(
        string logicalId, IResourceResolver resolver, IExportResolver? exports = null, ReferenceMode mode = ReferenceMode.Strict)
    {
        var declaration = GetDeclaration(logicalId);
        var evaluator = Evaluator(TemplateBlock.Resources, resolver, exports, mode);
        return new EvaluatedResource
        {
            LogicalId = logicalId,
            Type = declaration.Type,
            Properties = evaluator.EvaluateTree(declaration.Properties) as JsonObject ?? [],
            DependsOn = Graph.DependenciesOf(logicalId),
            DeletionPolicy = Policy(evaluator, declaration.DeletionPolicy, "DeletionPolicy"),
            UpdateReplacePolicy = Policy(evaluator, declaration.UpdateReplacePolicy, "UpdateReplacePolicy"),
            Metadata = evaluator.EvaluateTree(declaration.Metadata),
            CreationPolicy = declaration.CreationPolicy?.DeepClone(),
            UpdatePolicy = declaration.UpdatePolicy?.DeepClone(),
        };
    }

    /// <summary>Every active resource evaluated symbolically: the comparable form <see cref="Diff.TemplateDiff"/> uses.</summary>
    public IReadOnlyDictionary<string, EvaluatedResource> EvaluateSymbolically(IResourceResolver? resolver = null, IExportResolver? exports = null) =>
        Resources.ToDictionary(
            r => r.LogicalId,
            r => EvaluateResource(r.LogicalId, resolver ?? DictionaryResourceResolver.Empty, exports, ReferenceMode.Symbolic),
            StringComparer.Ordinal);

    /// <summary>Evaluates the Outputs whose Condition holds; each Value must evaluate to a string.</summary>
    public IReadOnlyList<StackOutput> EvaluateOutputs(IResourceResolver resolver, IExportResolver? exports = null)
    {
        var evaluator = Evaluator(TemplateBlock.Outputs, resolver, exports, ReferenceMode.Strict);
        var outputs = new List<StackOutput>();
        var exportNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, node) in Template.Outputs)
        {
            var body = (JsonObject)node!;
            if (body["Condition"].AsString() is { } condition && !Conditions.GetValueOrDefault(condition))
            {
                continue;
            }
            var value = evaluator.EvaluateTree(body["Value"]);
            if (!value.TryGetScalarText(out var text))
            {
                throw TemplateValidationException.Format("The Value field of every Outputs member must evaluate to a String.");
            }
            var exportName = body["Export"] is JsonObject export ? evaluator.EvaluateTree(export["Name"]).AsString() : null;
            if (exportName is not null && !exportNames.Add(exportName))
            {
                throw TemplateValidationException.Format($"Output export names must be unique: {exportName}");
            }
            outputs.Add(new StackOutput(key, text, evaluator.EvaluateTree(body["Description"]).AsString(), exportName));
        }
        return outputs;
    }

    private IntrinsicEvaluator Evaluator(TemplateBlock block, IResourceResolver resolver, IExportResolver? exports, ReferenceMode mode) =>
        new(new EvaluationContext
        {
            Stack = _context.Stack,
            Parameters = _context.Parameters,
            Mappings = _context.Mappings,
            Conditions = _context.Conditions,
            ResourceIds = _context.ResourceIds,
            InactiveResourceIds = _context.InactiveResourceIds,
            ResourceTypes = _context.ResourceTypes,
            Resources = resolver,
            Exports = exports,
        }, block, mode);

    private static string Policy(IntrinsicEvaluator evaluator, JsonNode? node, string attribute)
    {
        if (node is null)
        {
            return "Delete";
        }
        var value = evaluator.EvaluateTree(node).AsString();
        return value is "Delete" or "Retain" or "RetainExceptOnCreate" or "Snapshot"
            ? value
            : throw TemplateValidationException.Format($"Invalid {attribute} value: {value ?? node.ToJsonString()}");
    }
}
