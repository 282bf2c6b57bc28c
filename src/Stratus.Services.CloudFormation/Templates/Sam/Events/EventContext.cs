using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates.Sam.Functions;

namespace Stratus.Services.CloudFormation.Templates.Sam.Events;

/// <summary>One event of one SAM function while it is expanded.</summary>
internal sealed class EventContext
{
    private readonly List<KeyValuePair<string, JsonObject>> _output;

    public EventContext(
        SamDocument document, string eventId, JsonObject properties, FunctionTarget target, JsonObject? role,
        List<KeyValuePair<string, JsonObject>> output)
    {
        Document = document;
        EventId = eventId;
        Properties = properties;
        Target = target;
        Role = role;
        _output = output;
    }

    public SamDocument Document { get; }
    public string EventId { get; }
    public JsonObject Properties { get; }
    public FunctionTarget Target { get; }

    /// <summary>The generated execution role's properties; null when the function brings its own Role.</summary>
    public JsonObject? Role { get; }

    /// <summary>Generated resources are named after the function and the event (e.g. MyFunctionMyQueue).</summary>
    public string LogicalId => Target.FunctionId + EventId;

    public void Add(string logicalId, JsonObject resource) => _output.Add(new(logicalId, resource));

    /// <summary>A context for a resource an event generates on the side (its logical id gets <paramref name="suffix"/>).</summary>
    public EventContext Derive(string suffix, JsonObject properties) =>
        new(Document, EventId + suffix, properties, Target, Role, _output);

    /// <summary>The logical id of a resource of this template that the event references with <c>{"Ref": id}</c>.</summary>
    public JsonObject? ReferencedResource(string property, out string logicalId)
    {
        logicalId = "";
        if (Properties[property] is JsonObject reference && reference.IsIntrinsic(out var f, out var a) && f == "Ref"
            && a.TryGetString(out var id) && Document.Resources[id] is JsonObject resource)
        {
            logicalId = id;
            return resource;
        }
        return null;
    }

    public JsonNode? Required(string property) => Properties[property]
        ?? throw new InvalidSamEventException(EventId, $"Missing required property '{property}'.");

    /// <summary>
    /// The Lambda permission letting a service invoke the target: &lt;Function&gt;&lt;Event&gt;Permission[&lt;suffix&gt;]
    /// (a non-alphanumeric suffix is replaced by its hash, as SAM does).
    /// </summary>
    public void AddPermission(
        string principal, JsonNode? sourceArn = null, JsonNode? sourceAccount = null, string suffix = "", string? prefix = null)
    {
        prefix ??= LogicalId;
        var id = suffix.Length == 0 || suffix.All(char.IsAsciiLetterOrDigit)
            ? $"{prefix}Permission{suffix}"
            : $"{prefix}Permission{LogicalIdHash.OfText(suffix)}";
        var properties = new JsonObject
        {
            ["Action"] = "lambda:InvokeFunction",
            ["FunctionName"] = Target.NameOrArn,
            ["Principal"] = principal,
        };
        properties.Set("SourceArn", sourceArn);
        properties.Set("SourceAccount", sourceAccount);
        Add(id, Cfn.Resource("AWS::Lambda::Permission", properties, Target.CopyAttributes()));
    }
}
