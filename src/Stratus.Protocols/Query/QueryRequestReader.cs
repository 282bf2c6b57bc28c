using System.Text.Json.Nodes;
using Stratus.Protocols.Model;

namespace Stratus.Protocols.Query;

/// <summary>
/// Rebuilds the JSON form of an input shape from awsQuery parameters, inverting the rules of botocore's
/// QuerySerializer: <c>Name.member.N</c> lists, flattened <c>Name.N</c> lists, <c>Name.entry.N.key</c> maps and
/// flattened <c>Name.N.Name/Value</c> maps, with each member's query name (its locationName).
/// </summary>
public static class QueryRequestReader
{
    public static JsonObject Read(ServiceModel model, ShapeModel input, QueryParameters parameters) =>
        ReadStructure(model, input, "", parameters);

    private static JsonObject ReadStructure(ServiceModel model, ShapeModel shape, string prefix, QueryParameters p)
    {
        var result = new JsonObject();
        foreach (var member in shape.Members)
        {
            var name = prefix.Length == 0 ? member.Xml : prefix + "." + member.Xml;
            var value = ReadValue(model, model.Shape(member.Shape), name, member.Flattened, p);
            if (value is not null) result[member.Wire] = value;
        }
        return result;
    }

    private static JsonNode? ReadValue(ServiceModel model, ShapeModel shape, string name, bool memberFlattened, QueryParameters p)
    {
        switch (shape.Type)
        {
            case "structure":
                return p.HasPrefix(name) ? ReadStructure(model, shape, name, p) : null;
            case "list":
                return ReadList(model, shape, name, memberFlattened || shape.Flattened, p);
            case "map":
                return ReadMap(model, shape, name, memberFlattened || shape.Flattened, p);
            default:
                var text = p.Get(name);
                return text is null ? null : Scalar(shape, text);
        }
    }

    private static JsonArray? ReadList(ServiceModel model, ShapeModel shape, string name, bool flattened, QueryParameters p)
    {
        string itemPrefix;
        if (flattened)
        {
            itemPrefix = shape.MemberRef!.Xml is { } memberName ? ReplaceLast(name, memberName) : name;
        }
        else
        {
            itemPrefix = name + "." + (shape.MemberRef!.Xml ?? "member");
        }
        if (!p.HasPrefix(itemPrefix + ".1"))
        {
            // A flattened list may also arrive under the member's own name (older clients), or be explicitly empty.
            if (flattened && itemPrefix != name && p.HasPrefix(name + ".1")) itemPrefix = name;
            else return p.Get(name) is not null ? [] : null;
        }
        var items = new JsonArray();
        var itemShape = model.Shape(shape.MemberRef.Shape);
        for (var i = 1; p.HasPrefix(itemPrefix + "." + i); i++)
        {
            items.Add(ReadValue(model, itemShape, itemPrefix + "." + i, false, p));
        }
        return items;
    }

    private static JsonObject? ReadMap(ServiceModel model, ShapeModel shape, string name, bool flattened, QueryParameters p)
    {
        var entryPrefix = flattened ? name : name + ".entry";
        if (!p.HasPrefix(entryPrefix + ".1")) return null;
        var keyName = shape.KeyRef!.Xml ?? "key";
        var valueName = shape.ValueRef!.Xml ?? "value";
        var valueShape = model.Shape(shape.ValueRef.Shape);
        var map = new JsonObject();
        for (var i = 1; p.HasPrefix(entryPrefix + "." + i); i++)
        {
            var key = p.Get($"{entryPrefix}.{i}.{keyName}");
            if (key is null) continue;
            map[key] = ReadValue(model, valueShape, $"{entryPrefix}.{i}.{valueName}", false, p);
        }
        return map;
    }

    private static JsonNode? Scalar(ShapeModel shape, string text) => shape.Type switch
    {
        "integer" or "long" => long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var l)
            ? JsonValue.Create(l)
            : throw new FormatException($"'{text}' is not a valid integer"),
        "double" or "float" => double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? JsonValue.Create(d)
            : throw new FormatException($"'{text}' is not a valid number"),
        "boolean" => JsonValue.Create(string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)),
        _ => JsonValue.Create(text),
    };

    private static string ReplaceLast(string name, string last)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 ? last : name[..(dot + 1)] + last;
    }
}
