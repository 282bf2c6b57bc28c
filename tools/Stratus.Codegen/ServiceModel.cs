using System.Text.Json.Nodes;

namespace Stratus.Codegen;

/// <summary>A botocore service model, read once, with the naming rules the writers share.</summary>
internal sealed class ServiceModel
{
    public ServiceModel(JsonObject model, JsonObject? overlay, string csName)
    {
        Model = model;
        Overlay = overlay;
        CsName = csName;
        Metadata = model["metadata"]!.AsObject();
        Shapes = model["shapes"]!.AsObject();
        Operations = model["operations"]!.AsObject().Select(p => p.Value!.AsObject()).OrderBy(o => (string)o["name"]!, StringComparer.Ordinal).ToList();
    }

    public JsonObject Model { get; }
    public JsonObject? Overlay { get; }
    public string CsName { get; }
    public JsonObject Metadata { get; }
    public JsonObject Shapes { get; }
    public List<JsonObject> Operations { get; }
    public string Protocol => (string)Metadata["protocol"]!;
    public string Namespace => "Stratus.Contracts." + CsName;

    public IEnumerable<KeyValuePair<string, JsonObject>> Structures =>
        Shapes.Where(p => (string)p.Value!["type"]! == "structure" && p.Value!["eventstream"] is null)
              .Select(p => KeyValuePair.Create(p.Key, p.Value!.AsObject()))
              .OrderBy(p => p.Key, StringComparer.Ordinal);

    public JsonObject Shape(string name) => Shapes[name]!.AsObject();

    public JsonObject? OverlayShape(string name) => Overlay?["shapes"]?[name]?.AsObject();

    public string ClassName(string shapeName) => Identifiers.Type(shapeName);

    /// <summary>The default timestamp format of the protocol, as botocore's serializers use it.</summary>
    public string DefaultTimestampFormat => Protocol is "json" or "rest-json" ? "unixTimestamp" : "iso8601";

    /// <summary>The C# type of a member whose target shape is <paramref name="shapeName"/>.</summary>
    public string CsType(string shapeName)
    {
        var shape = Shape(shapeName);
        return (string)shape["type"]! switch
        {
            "string" => "string",
            "integer" => "int",
            "long" => "long",
            "boolean" => "bool",
            "double" or "float" => "double",
            "timestamp" => "global::System.DateTimeOffset",
            "blob" => "byte[]",
            "list" => $"global::System.Collections.Generic.List<{CsType((string)shape["member"]!["shape"]!)}>",
            "map" => $"global::System.Collections.Generic.Dictionary<string, {CsType((string)shape["value"]!["shape"]!)}>",
            "structure" when shape["document"] is not null => "global::System.Text.Json.Nodes.JsonNode",
            "structure" => ClassName(shapeName),
            var other => throw new InvalidOperationException($"unknown shape type {other} for {shapeName}"),
        };
    }

    public bool IsValueType(string shapeName) =>
        (string)Shape(shapeName)["type"]! is "integer" or "long" or "boolean" or "double" or "float" or "timestamp";

    public static string? Str(JsonNode? node, string key) => node?[key] is JsonValue v ? (string?)v : null;
}
