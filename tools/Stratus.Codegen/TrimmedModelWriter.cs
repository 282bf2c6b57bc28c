using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stratus.Codegen;

/// <summary>
/// Writes the part of the model the protocol codecs need at run time (HTTP bindings, wire names, list and map
/// flattening, timestamp formats, error codes), without documentation.
/// </summary>
internal sealed class TrimmedModelWriter(ServiceModel service)
{
    public string Write()
    {
        var root = new JsonObject
        {
            ["metadata"] = Metadata(),
            ["operations"] = Operations(),
            ["shapes"] = Shapes(),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private JsonObject Metadata()
    {
        var m = service.Metadata;
        var overlayMeta = service.Overlay?["metadata"];
        var result = new JsonObject();
        foreach (var key in new[] { "apiVersion", "protocol", "jsonVersion", "targetPrefix", "signingName", "endpointPrefix", "serviceId", "xmlNamespace" })
        {
            var value = ServiceModel.Str(m, key) ?? ServiceModel.Str(overlayMeta, key);
            if (value is not null) result[key] = value;
        }
        if (m["awsQueryCompatible"] is not null) result["awsQueryCompatible"] = true;
        if (ServiceModel.Str(overlayMeta, "protocol") is { } overlayProtocol) result["alsoProtocol"] = overlayProtocol;
        return result;
    }

    private JsonObject Operations()
    {
        var result = new JsonObject();
        foreach (var op in service.Operations)
        {
            var name = (string)op["name"]!;
            var http = op["http"]?.AsObject();
            var entry = new JsonObject
            {
                ["method"] = ServiceModel.Str(http, "method") ?? "POST",
                ["uri"] = ServiceModel.Str(http, "requestUri") ?? "/",
            };
            if (http?["responseCode"] is JsonValue code) entry["code"] = (int)code;
            if (ServiceModel.Str(op["input"], "shape") is { } input) entry["input"] = input;
            if (ServiceModel.Str(op["output"], "shape") is { } output) entry["output"] = output;
            var wrapper = ServiceModel.Str(op["output"], "resultWrapper")
                ?? ServiceModel.Str(service.Overlay?["operations"]?[name]?["output"], "resultWrapper");
            if (wrapper is not null) entry["resultWrapper"] = wrapper;
            result[name] = entry;
        }
        return result;
    }

    private JsonObject Shapes()
    {
        var result = new JsonObject();
        foreach (var (name, node) in service.Shapes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var shape = node!.AsObject();
            var overlay = service.OverlayShape(name);
            var type = (string)shape["type"]!;
            var entry = new JsonObject { ["type"] = type };
            Copy(shape, entry, "timestampFormat", "payload", "flattened", "exception", "document", "union");
            if (overlay?["flattened"] is JsonValue f && (bool)f) entry["flattened"] = true;
            if (shape["required"] is JsonArray req) entry["required"] = req.DeepClone();
            var error = overlay?["error"] ?? shape["error"];
            if (error is not null) entry["error"] = error.DeepClone();
            switch (type)
            {
                case "structure":
                    entry["members"] = Members(shape, overlay);
                    break;
                case "list":
                    entry["member"] = Ref(shape["member"]!.AsObject(), overlay?["member"]?.AsObject());
                    break;
                case "map":
                    entry["key"] = Ref(shape["key"]!.AsObject(), overlay?["key"]?.AsObject());
                    entry["value"] = Ref(shape["value"]!.AsObject(), overlay?["value"]?.AsObject());
                    break;
            }
            result[name] = entry;
        }
        return result;
    }

    private static JsonObject Members(JsonObject shape, JsonObject? overlay)
    {
        var members = new JsonObject();
        foreach (var (memberName, node) in shape["members"]?.AsObject() ?? [])
        {
            var member = node!.AsObject();
            var overlayMember = overlay?["members"]?[memberName]?.AsObject();
            var entry = new JsonObject { ["shape"] = (string)member["shape"]! };
            var wire = ShapeWriter.WireName(memberName, member);
            if (wire != memberName) entry["wire"] = wire;
            var xml = ServiceModel.Str(overlayMember, "locationName") ?? ServiceModel.Str(member, "locationName");
            if (xml is not null && xml != memberName) entry["xml"] = xml;
            Copy(member, entry, "location", "locationName", "flattened", "xmlAttribute", "timestampFormat", "streaming", "idempotencyToken", "hostLabel");
            if (overlayMember?["flattened"] is JsonValue f && (bool)f) entry["flattened"] = true;
            if (member["xmlNamespace"] is JsonObject ns) entry["xmlNamespace"] = ns.DeepClone();
            members[memberName] = entry;
        }
        return members;
    }

    private static JsonObject Ref(JsonObject reference, JsonObject? overlay)
    {
        var entry = new JsonObject { ["shape"] = (string)reference["shape"]! };
        var xml = ServiceModel.Str(overlay, "locationName") ?? ServiceModel.Str(reference, "locationName");
        if (xml is not null) entry["xml"] = xml;
        return entry;
    }

    private static void Copy(JsonObject from, JsonObject to, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (from[key] is JsonNode value) to[key] = value.DeepClone();
        }
    }
}
