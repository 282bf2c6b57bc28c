using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates.Catalog;

namespace Stratus.Services.CloudFormation.Templates.Evaluation;

/// <summary>
/// Evaluates intrinsic functions with CloudFormation's semantics ("Intrinsic function reference", CloudFormation
/// User Guide). Results are always fresh nodes; <see cref="EvaluateTree"/> drops properties and list items whose value
/// is <c>AWS::NoValue</c>.
/// </summary>
public sealed partial class IntrinsicEvaluator
{
    /// <summary>Stands for AWS::NoValue while evaluating; never attached to a tree.</summary>
    private static readonly JsonValue _noValue = JsonValue.Create("{AWS::NoValue}");

    private readonly EvaluationContext _context;
    private readonly TemplateBlock _block;
    private readonly ReferenceMode _mode;
    private int _depth;

    public IntrinsicEvaluator(EvaluationContext context, TemplateBlock block, ReferenceMode mode = ReferenceMode.Strict)
    {
        _context = context;
        _block = block;
        _mode = mode;
    }

    /// <summary>Evaluates a whole property tree. Returns null when the tree itself is AWS::NoValue.</summary>
    public JsonNode? EvaluateTree(JsonNode? node)
    {
        var result = Evaluate(node);
        return ReferenceEquals(result, _noValue) ? null : result;
    }

    /// <summary>True when evaluating <paramref name="node"/> yields AWS::NoValue (e.g. a Fn::If branch).</summary>
    public bool IsNoValue(JsonNode? node) => ReferenceEquals(Evaluate(node), _noValue);

    internal JsonNode? Evaluate(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonValue value:
                return value.DeepClone();
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    var evaluated = Evaluate(item);
                    if (!ReferenceEquals(evaluated, _noValue))
                    {
                        items.Add(evaluated);
                    }
                }
                return items;
            case JsonObject map when IsFunction(map, out var function, out var argument):
                return EvaluateFunction(function, argument);
            case JsonObject map:
                var result = new JsonObject();
                foreach (var (key, value) in map)
                {
                    var evaluated = Evaluate(value);
                    if (!ReferenceEquals(evaluated, _noValue))
                    {
                        result[key] = evaluated;
                    }
                }
                return result;
            default:
                return node.DeepClone();
        }
    }

    private bool IsFunction(JsonObject map, out string function, out JsonNode? argument)
    {
        // `Condition` is a function only where conditions are combined; elsewhere it is an ordinary key
        // (IAM policy statements, for instance, have a Condition member).
        return map.IsIntrinsic(out function, out argument)
            && (function != "Condition" || _block is TemplateBlock.Conditions or TemplateBlock.Rules);
    }

    private JsonNode? EvaluateFunction(string function, JsonNode? argument)
    {
        if (_mode == ReferenceMode.Strict)
        {
            return Apply(function, argument);
        }
        // Symbolic: a pending reference anywhere inside a function makes the outermost function pending as a whole
        // (Fn::Join of a pending Ref cannot be joined), which is then kept with what can be evaluated inside it.
        // The depth is captured: exception filters run before inner finally blocks have unwound _depth.
        var depth = ++_depth;
        try
        {
            return Apply(function, argument);
        }
        catch (PendingReferenceException) when (depth == 1)
        {
            return Partially(function, argument);
        }
        finally
        {
            _depth--;
        }
    }

    private JsonNode? Partially(string function, JsonNode? argument)
    {
        var saved = _depth;
        _depth = 0;
        try
        {
            if (function == "Fn::If" && argument is JsonArray { Count: 3 } branches && branches[0].TryGetString(out var condition))
            {
                return Evaluate(Condition(condition) ? branches[1] : branches[2]);
            }
            return new JsonObject { [function] = Evaluate(argument) };
        }
        finally
        {
            _depth = saved;
        }
    }

    private JsonNode? Apply(string function, JsonNode? argument) => function switch
    {
        "Ref" => Ref(argument),
        "Fn::GetAtt" => GetAtt(argument),
        "Fn::Sub" => Sub(argument),
        "Fn::Join" => Join(argument),
        "Fn::If" => If(argument),
        "Fn::Select" => Select(argument),
        "Fn::Split" => Split(argument),
        "Fn::FindInMap" => FindInMap(argument),
        "Fn::GetAZs" => GetAzs(argument),
        "Fn::Base64" => Base64(argument),
        "Fn::ImportValue" => ImportValue(argument),
        "Fn::Cidr" => Cidr(argument),
        "Fn::Equals" => JsonValue.Create(EqualsFunction(argument)),
        "Fn::And" => JsonValue.Create(AndOr(function, argument)),
        "Fn::Or" => JsonValue.Create(AndOr(function, argument)),
        "Fn::Not" => JsonValue.Create(Not(argument)),
        "Condition" => JsonValue.Create(ConditionReference(argument)),
        "Fn::Length" => Length(argument),
        "Fn::ToJsonString" => ToJsonString(argument),
        "Fn::Contains" or "Fn::EachMemberEquals" or "Fn::EachMemberIn" or "Fn::RefAll" or "Fn::ValueOf" or "Fn::ValueOfAll"
            when _block == TemplateBlock.Rules => RuleFunction(function, argument),
        "Fn::Transform" => throw TemplateValidationException.Format(
            "Fn::Transform (macros such as AWS::Include) is not supported by Stratus"),
        _ => throw UnsupportedFunction(function),
    };

    private JsonNode? Ref(JsonNode? argument)
    {
        if (!argument.TryGetString(out var name))
        {
            throw TemplateValidationException.Format("Every Ref object must have a single String value.");
        }
        if (name == "AWS::NoValue")
        {
            return _noValue;
        }
        if (_context.Stack.PseudoParameter(name) is { } pseudo)
        {
            return pseudo;
        }
        if (_context.Parameters.TryGetNode(name, out var parameter))
        {
            return parameter;
        }
        return JsonValue.Create(ResourceRef(name));
    }

    private string ResourceRef(string logicalId)
    {
        RequireResource(logicalId);
        if (_context.Resources.TryGetRef(logicalId, out var physicalId))
        {
            return physicalId;
        }
        throw Pending(logicalId);
    }

    private JsonNode GetAtt(JsonNode? argument)
    {
        var (logicalId, attribute) = GetAttArguments(argument);
        if (!_context.ResourceIds.Contains(logicalId) && !_context.InactiveResourceIds.Contains(logicalId))
        {
            throw TemplateValidationException.Evaluation($"instance of Fn::GetAtt references undefined resource {logicalId}");
        }
        RequireResource(logicalId);
        if (_context.ResourceTypes.TryGetValue(logicalId, out var type)
            && ResourceTypeCatalog.TryGet(type, out var info)
            && !info.SupportsAttribute(attribute))
        {
            throw TemplateValidationException.Evaluation(
                $"resource {logicalId} does not support attribute type {attribute} in Fn::GetAtt");
        }
        if (_context.Resources.TryGetAttribute(logicalId, attribute, out var value))
        {
            return value;
        }
        throw Pending(logicalId, attribute);
    }

    private (string LogicalId, string Attribute) GetAttArguments(JsonNode? argument)
    {
        if (argument.TryGetString(out var dotted) && dotted.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot)
        {
            return (dotted[..dot], dotted[(dot + 1)..]);
        }
        if (argument is JsonArray { Count: 2 } pair && pair[0].TryGetString(out var logicalId))
        {
            var attribute = pair[1].TryGetString(out var plain) ? plain : Evaluate(pair[1]).AsString();
            if (attribute is not null)
            {
                return (logicalId, attribute);
            }
        }
        throw TemplateValidationException.Evaluation(
            "every Fn::GetAtt object requires two non-empty parameters, (1) the resource name and (2) the attribute name");
    }

    private void RequireResource(string logicalId)
    {
        if (_block == TemplateBlock.Conditions || _block == TemplateBlock.Rules)
        {
            throw TemplateValidationException.Format(
                $"Unresolved dependencies [{logicalId}]. Cannot reference resources in the {_block} block of the template");
        }
        if (!_context.ResourceIds.Contains(logicalId))
        {
            throw UnresolvedDependency(logicalId);
        }
    }

    private JsonNode? If(JsonNode? argument)
    {
        if (argument is not JsonArray { Count: 3 } branches || !branches[0].TryGetString(out var condition))
        {
            throw TemplateValidationException.Evaluation(
                "Fn::If requires a list argument with three elements: a condition name, a value if true and a value if false");
        }
        return Evaluate(Condition(condition) ? branches[1] : branches[2]);
    }

    private bool Condition(string name) => _context.Conditions.TryGetValue(name, out var value)
        ? value
        : throw TemplateValidationException.Evaluation($"unresolved condition dependency {name} in Fn::If");

    // In strict mode a missing value is the caller's bug (evaluating out of creation order, or a provisioner that did
    // not record an attribute), not a template error: say which value was missing.
    private PendingReferenceException Pending(string logicalId, string? attribute = null) => _mode == ReferenceMode.Symbolic
        ? new PendingReferenceException(logicalId)
        : throw new InvalidOperationException(attribute is null
            ? $"Resource {logicalId} is referenced before it exists: the creation order must place it first."
            : $"Attribute {attribute} of resource {logicalId} is not known to the resource resolver.");

    internal TemplateValidationException UnresolvedDependency(string name) => TemplateValidationException.Format(
        $"Unresolved resource dependencies [{name}] in the {_block} block of the template");

    private static TemplateValidationException UnsupportedFunction(string function) => TemplateValidationException.Format(
        $"Encountered unsupported function: {function} Supported functions are: [Fn::Base64, Fn::GetAtt, Fn::GetAZs, "
        + "Fn::ImportValue, Fn::Join, Fn::Split, Fn::FindInMap, Fn::Select, Ref, Fn::Equals, Fn::If, Fn::Not, Condition, "
        + "Fn::And, Fn::Or, Fn::Contains, Fn::EachMemberEquals, Fn::EachMemberIn, Fn::ValueOf, Fn::ValueOfAll, "
        + "Fn::RefAll, Fn::Sub, Fn::Cidr]");

    /// <summary>Raised in <see cref="ReferenceMode.Symbolic"/> when a resource value is not known yet.</summary>
    private sealed class PendingReferenceException(string logicalId) : Exception($"{logicalId} does not exist yet");
}
