using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates.Parsing;

namespace Stratus.Services.CloudFormation.Templates;

/// <summary>
/// A parsed template: one JSON tree whatever the source format, with the YAML short forms already turned into their
/// long forms. The tree is owned by this object; transforms return new templates rather than editing one in place.
/// </summary>
public sealed class Template
{
    public const string FormatVersionSection = "AWSTemplateFormatVersion";
    public const string DescriptionSection = "Description";
    public const string MetadataSection = "Metadata";
    public const string ParametersSection = "Parameters";
    public const string RulesSection = "Rules";
    public const string MappingsSection = "Mappings";
    public const string ConditionsSection = "Conditions";
    public const string TransformSection = "Transform";
    public const string ResourcesSection = "Resources";
    public const string OutputsSection = "Outputs";
    public const string HooksSection = "Hooks";

    /// <summary>SAM's section; only legal before the AWS::Serverless transform has run.</summary>
    public const string GlobalsSection = "Globals";

    public Template(JsonObject root)
    {
        Root = root;
    }

    public JsonObject Root { get; }

    public static Template Parse(string body) => TemplateParser.Parse(body);

    public string? FormatVersion => Root[FormatVersionSection] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    public string? Description => Root[DescriptionSection] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    /// <summary>The transforms the template declares, in order (<c>Transform</c> is a string or a list).</summary>
    public IReadOnlyList<string> Transforms => Root[TransformSection] switch
    {
        JsonValue v when v.TryGetValue(out string? name) => [name],
        JsonArray list => [.. list.OfType<JsonValue>().Select(x => x.TryGetValue(out string? n) ? n : "").Where(n => n.Length > 0)],
        _ => [],
    };

    public JsonObject Parameters => Section(ParametersSection);
    public JsonObject Mappings => Section(MappingsSection);
    public JsonObject Conditions => Section(ConditionsSection);
    public JsonObject Rules => Section(RulesSection);
    public JsonObject Resources => Section(ResourcesSection);
    public JsonObject Outputs => Section(OutputsSection);

    /// <summary>The named section when it is a map; an empty, detached map otherwise (absent or malformed sections
    /// are reported by <see cref="TemplateValidator"/>, not here).</summary>
    public JsonObject Section(string name) => Root[name] as JsonObject ?? [];

    public Template Clone() => new((JsonObject)Root.DeepClone());

    public string ToJson(bool indented = false) => Root.ToJsonString(indented ? _indented : _compact);

    // Templates are shown back to people (GetTemplate, `stratus deploy` diffs): keep '+', '<', non-ASCII readable.
    private static readonly JsonSerializerOptions _compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions _indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };
}
