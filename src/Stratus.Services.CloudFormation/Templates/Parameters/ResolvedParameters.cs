using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Parameters;

/// <summary>A parameter after binding: the value given (or defaulted) and the value <c>Ref</c> yields.</summary>
public sealed record ResolvedParameter(ParameterDeclaration Declaration, string Value, string? ResolvedValue)
{
    public string Name => Declaration.Name;

    /// <summary>What DescribeStacks shows: NoEcho parameters are masked as CloudFormation masks them.</summary>
    public string DisplayValue => Declaration.NoEcho ? NoEchoMask : Value;

    public const string NoEchoMask = "****";

    /// <summary>The value as <c>Ref</c> returns it: a string, or a list of strings for list types.</summary>
    public JsonNode ToNode()
    {
        var effective = ResolvedValue ?? Value;
        if (Declaration.Shape == ParameterShape.Scalar)
        {
            return JsonValue.Create(effective);
        }
        return ParameterBinder.SplitList(effective).ToJsonArray();
    }
}

/// <summary>The bound parameters of one stack operation, by name.</summary>
public sealed class ResolvedParameters
{
    private readonly Dictionary<string, ResolvedParameter> _byName;

    public ResolvedParameters(IEnumerable<ResolvedParameter> parameters)
    {
        _byName = parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    public static ResolvedParameters Empty { get; } = new([]);

    public IReadOnlyCollection<ResolvedParameter> All => _byName.Values;

    public bool Contains(string name) => _byName.ContainsKey(name);

    public bool TryGet(string name, out ResolvedParameter parameter) => _byName.TryGetValue(name, out parameter!);

    /// <summary>A fresh node for <c>Ref name</c> (fresh because JSON nodes have a single parent).</summary>
    public bool TryGetNode(string name, out JsonNode value)
    {
        if (_byName.TryGetValue(name, out var parameter))
        {
            value = parameter.ToNode();
            return true;
        }
        value = null!;
        return false;
    }

    /// <summary>Name → value as DescribeStacks shows them (NoEcho masked).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe() =>
        [.. _byName.Values.Select(p => KeyValuePair.Create(p.Name, p.DisplayValue))];
}
