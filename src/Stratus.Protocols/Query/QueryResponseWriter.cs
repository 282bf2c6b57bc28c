using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Protocols.Model;

namespace Stratus.Protocols.Query;

/// <summary>
/// Writes an operation's output in the awsQuery XML envelope
/// (<c>&lt;OpResponse&gt;&lt;OpResult&gt;…&lt;/OpResult&gt;&lt;ResponseMetadata/&gt;</c>) from its JSON form.
/// </summary>
public static class QueryResponseWriter
{
    public static byte[] Write(ServiceModel model, OperationModel op, JsonNode? output, string requestId)
    {
        var sb = new StringBuilder(512);
        sb.Append("<?xml version=\"1.0\"?><").Append(op.Name).Append("Response");
        if (model.XmlNamespace is not null) sb.Append(" xmlns=\"").Append(model.XmlNamespace).Append('"');
        sb.Append('>');
        if (op.Output is not null)
        {
            var wrapper = op.ResultWrapper ?? op.Name + "Result";
            sb.Append('<').Append(wrapper).Append('>');
            if (output is JsonObject obj) XmlShapeWriter.WriteMembers(sb, model, model.Shape(op.Output), obj);
            sb.Append("</").Append(wrapper).Append('>');
        }
        sb.Append("<ResponseMetadata><RequestId>").Append(requestId).Append("</RequestId></ResponseMetadata></")
          .Append(op.Name).Append("Response>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}

/// <summary>Writes the JSON form of a shape as XML elements, following the model's names and flattening.</summary>
public static class XmlShapeWriter
{
    public static void WriteMembers(StringBuilder sb, ServiceModel model, ShapeModel shape, JsonObject value)
    {
        foreach (var member in shape.Members)
        {
            if (member.Location is not null) continue;
            if (!value.TryGetPropertyValue(member.Wire, out var node) || node is null) continue;
            WriteValue(sb, model, model.Shape(member.Shape), member.Xml, member.Flattened, node);
        }
    }

    private static void WriteValue(StringBuilder sb, ServiceModel model, ShapeModel shape, string element, bool memberFlattened, JsonNode node)
    {
        switch (shape.Type)
        {
            case "structure":
                sb.Append('<').Append(element).Append('>');
                WriteMembers(sb, model, shape, node.AsObject());
                sb.Append("</").Append(element).Append('>');
                break;
            case "list":
                WriteList(sb, model, shape, element, memberFlattened || shape.Flattened, node.AsArray());
                break;
            case "map":
                WriteMap(sb, model, shape, element, memberFlattened || shape.Flattened, node.AsObject());
                break;
            default:
                sb.Append('<').Append(element).Append('>').Append(ErrorWriter.Escape(ScalarText(node)))
                  .Append("</").Append(element).Append('>');
                break;
        }
    }

    private static void WriteList(StringBuilder sb, ServiceModel model, ShapeModel shape, string element, bool flattened, JsonArray items)
    {
        var itemShape = model.Shape(shape.MemberRef!.Shape);
        if (flattened)
        {
            var itemElement = shape.MemberRef.Xml ?? element;
            foreach (var item in items)
            {
                if (item is not null) WriteValue(sb, model, itemShape, itemElement, false, item);
            }
            return;
        }
        sb.Append('<').Append(element).Append('>');
        foreach (var item in items)
        {
            if (item is not null) WriteValue(sb, model, itemShape, shape.MemberRef.Xml ?? "member", false, item);
        }
        sb.Append("</").Append(element).Append('>');
    }

    private static void WriteMap(StringBuilder sb, ServiceModel model, ShapeModel shape, string element, bool flattened, JsonObject map)
    {
        var keyName = shape.KeyRef!.Xml ?? "key";
        var valueName = shape.ValueRef!.Xml ?? "value";
        var valueShape = model.Shape(shape.ValueRef.Shape);
        if (!flattened) sb.Append('<').Append(element).Append('>');
        foreach (var (key, value) in map)
        {
            if (value is null) continue;
            sb.Append('<').Append(flattened ? element : "entry").Append('>');
            sb.Append('<').Append(keyName).Append('>').Append(ErrorWriter.Escape(key)).Append("</").Append(keyName).Append('>');
            WriteValue(sb, model, valueShape, valueName, false, value);
            sb.Append("</").Append(flattened ? element : "entry").Append('>');
        }
        if (!flattened) sb.Append("</").Append(element).Append('>');
    }

    private static string ScalarText(JsonNode node)
    {
        var value = node.AsValue();
        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.ToJsonString(),
        };
    }
}
