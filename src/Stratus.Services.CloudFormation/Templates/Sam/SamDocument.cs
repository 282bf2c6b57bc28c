using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates.Evaluation;

namespace Stratus.Services.CloudFormation.Templates.Sam;

/// <summary>
/// The working state of one SAM transform: the template being rewritten, the resources each SAM resource expands to,
/// the logical ids that changed (layer versions get a hash suffix), the <c>Resource.Property</c> references SAM lets
/// templates use (<c>MyFunction.Alias</c>, <c>MyApi.Stage</c>), and the errors found so far.
/// </summary>
internal sealed class SamDocument
{
    public const string ServerlessPrefix = "AWS::Serverless::";
    public const string ManagedBodyFlag = "__MANAGE_SWAGGER";

    private readonly Dictionary<string, List<KeyValuePair<string, JsonObject>>> _expansions = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];

    public SamDocument(Template template, SamTransformOptions options)
    {
        Root = (JsonObject)template.Root.DeepClone();
        Options = options;
        Parameters = new SamParameterResolver(template, options);
        Partition = StackContext.PartitionOf(options.Region);
        if (Root["Resources"] is not JsonObject resources || resources.Count == 0)
        {
            throw SamErrors.Document(["'Resources' section is required"]);
        }
        Resources = resources;
    }

    public JsonObject Root { get; }
    public JsonObject Resources { get; }
    public SamTransformOptions Options { get; }
    public SamParameterResolver Parameters { get; }

    /// <summary>aws, aws-cn or aws-us-gov: SAM writes some ARNs with the partition spelled out.</summary>
    public string Partition { get; }

    public JsonObject Conditions => Root["Conditions"] as JsonObject ?? (JsonObject)(Root["Conditions"] = new JsonObject());

    /// <summary>Old logical id → new one, for references to rewrite (layer versions).</summary>
    public Dictionary<string, string> ChangedLogicalIds { get; } = new(StringComparer.Ordinal);

    /// <summary>"Logical.Property" → the generated logical id it stands for (MyFunction.Alias → MyFunctionAliaslive).</summary>
    public Dictionary<string, string> PropertyReferences { get; } = new(StringComparer.Ordinal);

    public static bool IsServerless(JsonNode? resource) =>
        resource is JsonObject r && r["Type"].AsString() is { } type && type.StartsWith(ServerlessPrefix, StringComparison.Ordinal);

    public static JsonObject PropertiesOf(JsonObject resource) =>
        resource["Properties"] as JsonObject ?? (JsonObject)(resource["Properties"] = new JsonObject());

    public IEnumerable<(string LogicalId, JsonObject Resource)> OfType(string type) =>
        Resources.Where(p => p.Value is JsonObject r && r["Type"].AsString() == type)
            .Select(p => (p.Key, (JsonObject)p.Value!))
            .ToList();

    /// <summary>Records the resources <paramref name="samLogicalId"/> expands to, in order.</summary>
    public void Expand(string samLogicalId, IEnumerable<KeyValuePair<string, JsonObject>> resources)
    {
        if (!_expansions.TryGetValue(samLogicalId, out var list))
        {
            _expansions[samLogicalId] = list = [];
        }
        list.AddRange(resources);
    }

    public void Fail(string message) => _errors.Add(message);

    public void ThrowIfFailed()
    {
        if (_errors.Count > 0)
        {
            throw SamErrors.Document(_errors);
        }
    }

    /// <summary>
    /// The transformed template: other sections as they were, each SAM resource replaced in place by what it expands
    /// to, every other resource as (possibly) modified by event sources (bucket notifications, user pool triggers).
    /// </summary>
    public Template Build()
    {
        var output = new JsonObject();
        foreach (var (key, value) in Root)
        {
            if (key is "Transform" or "Globals")
            {
                continue;
            }
            output[key] = key == "Resources" ? BuildResources() : value?.DeepClone();
        }
        if (output["Conditions"] is JsonObject { Count: 0 })
        {
            output.Remove("Conditions");
        }
        return new Template(output);
    }

    private JsonObject BuildResources()
    {
        var output = new JsonObject();
        foreach (var (logicalId, resource) in Resources)
        {
            if (_expansions.TryGetValue(logicalId, out var expanded))
            {
                foreach (var (id, generated) in expanded)
                {
                    output[id] = generated.DeepClone();
                }
            }
            else if (!IsServerless(resource))
            {
                output[logicalId] = resource?.DeepClone();
            }
        }
        return output;
    }
}
