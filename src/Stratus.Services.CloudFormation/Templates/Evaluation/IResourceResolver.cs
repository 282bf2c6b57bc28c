using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Evaluation;

/// <summary>
/// Supplies what <c>Ref</c> and <c>Fn::GetAtt</c> return for resources that already exist. The provisioning engine
/// implements it over the stack's state; the template engine never creates anything itself.
/// </summary>
public interface IResourceResolver
{
    /// <summary>The value <c>Ref</c> returns for the resource (its physical id, per <see cref="Catalog.ResourceTypeCatalog"/>);
    /// false when the resource does not exist yet.</summary>
    bool TryGetRef(string logicalId, [NotNullWhen(true)] out string? value);

    /// <summary>The value of <c>Fn::GetAtt logicalId.attribute</c> (a string, or a list for list-valued attributes);
    /// false when the resource does not exist yet or has no such attribute value.</summary>
    bool TryGetAttribute(string logicalId, string attribute, [NotNullWhen(true)] out JsonNode? value);
}

/// <summary>Looks up the values other stacks export, for <c>Fn::ImportValue</c>.</summary>
public interface IExportResolver
{
    bool TryGetExport(string name, [NotNullWhen(true)] out string? value);
}

/// <summary>An in-memory resolver: for tests, and for callers that already hold every value.</summary>
public sealed class DictionaryResourceResolver : IResourceResolver, IExportResolver
{
    private readonly Dictionary<string, string> _refs = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), JsonNode> _attributes = [];
    private readonly Dictionary<string, string> _exports = new(StringComparer.Ordinal);

    /// <summary>A resolver that knows nothing: every resource is still to be created.</summary>
    public static DictionaryResourceResolver Empty => new();

    public DictionaryResourceResolver WithRef(string logicalId, string value)
    {
        _refs[logicalId] = value;
        return this;
    }

    public DictionaryResourceResolver WithAttribute(string logicalId, string attribute, JsonNode value)
    {
        _attributes[(logicalId, attribute)] = value;
        return this;
    }

    public DictionaryResourceResolver WithExport(string name, string value)
    {
        _exports[name] = value;
        return this;
    }

    public bool TryGetRef(string logicalId, [NotNullWhen(true)] out string? value) => _refs.TryGetValue(logicalId, out value);

    public bool TryGetAttribute(string logicalId, string attribute, [NotNullWhen(true)] out JsonNode? value)
    {
        value = _attributes.TryGetValue((logicalId, attribute), out var node) ? node.DeepClone() : null;
        return value is not null;
    }

    public bool TryGetExport(string name, [NotNullWhen(true)] out string? value) => _exports.TryGetValue(name, out value);
}
