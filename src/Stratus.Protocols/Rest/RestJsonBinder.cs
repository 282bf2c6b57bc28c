using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Stratus.Protocols.Json;
using Stratus.Protocols.Model;

namespace Stratus.Protocols.Rest;

/// <summary>
/// Binds restJson1 requests (URI labels, query string, headers, JSON or raw payload) to the JSON form of the
/// input shape, and writes outputs back (status code, headers, JSON or raw payload).
/// </summary>
public static class RestJsonBinder
{
    public static JsonObject ReadInput(ServiceModel model, RestMatch match, HttpRequest request, ReadOnlyMemory<byte> body)
    {
        if (match.Operation.Input is null) return [];
        var shape = model.Shape(match.Operation.Input);
        var result = ReadBody(model, shape, body);
        foreach (var member in shape.Members)
        {
            var target = model.Shape(member.Shape);
            JsonNode? value = member.Location switch
            {
                "uri" => match.Labels.TryGetValue(member.LocationName, out var label) ? Scalar(target, label) : null,
                "querystring" => ReadQuery(target, member, request.Query),
                "header" => request.Headers.TryGetValue(member.LocationName, out var header) ? Scalar(target, header.ToString()) : null,
                "headers" => ReadPrefixedHeaders(member, request.Headers),
                _ => null,
            };
            if (value is not null) result[member.Wire] = value;
        }
        return result;
    }

    private static JsonObject ReadBody(ServiceModel model, ShapeModel shape, ReadOnlyMemory<byte> body)
    {
        if (shape.Payload is { } payloadName)
        {
            var payload = shape.Member(payloadName)!;
            var payloadShape = model.Shape(payload.Shape);
            var result = new JsonObject();
            if (body.IsEmpty) return result;
            result[payload.Wire] = payloadShape.Type is "blob"
                ? JsonValue.Create(Convert.ToBase64String(body.Span))
                : payloadShape.Type is "string"
                    ? JsonValue.Create(System.Text.Encoding.UTF8.GetString(body.Span))
                    : ParseJson(body);
            return result;
        }
        if (body.IsEmpty) return [];
        return ParseJson(body) as JsonObject ?? throw new AwsServiceException("SerializationException", "The request body must be a JSON object.");
    }

    private static JsonNode? ParseJson(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonNode.Parse(body.Span);
        }
        catch (JsonException)
        {
            throw new AwsServiceException("SerializationException", "Could not parse the request body as JSON.");
        }
    }

    private static JsonNode? ReadQuery(ShapeModel target, MemberModel member, IQueryCollection query)
    {
        if (target.Type == "map")
        {
            var map = new JsonObject();
            foreach (var (key, value) in query) map[key] = value.ToString();
            return map;
        }
        if (!query.TryGetValue(member.LocationName, out var values)) return null;
        if (target.Type == "list")
        {
            var list = new JsonArray();
            foreach (var v in values) list.Add(JsonValue.Create(v));
            return list;
        }
        return Scalar(target, values.ToString());
    }

    private static JsonObject? ReadPrefixedHeaders(MemberModel member, IHeaderDictionary headers)
    {
        JsonObject? map = null;
        foreach (var (name, value) in headers)
        {
            if (!name.StartsWith(member.LocationName, StringComparison.OrdinalIgnoreCase)) continue;
            map ??= [];
            map[name[member.LocationName.Length..].ToLowerInvariant()] = value.ToString();
        }
        return map;
    }

    private static JsonNode? Scalar(ShapeModel shape, string text) => shape.Type switch
    {
        "integer" or "long" => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
            ? JsonValue.Create(l)
            : throw new AwsServiceException("SerializationException", $"'{text}' is not a valid integer."),
        "double" or "float" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? JsonValue.Create(d)
            : throw new AwsServiceException("SerializationException", $"'{text}' is not a valid number."),
        "boolean" => JsonValue.Create(string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)),
        _ => JsonValue.Create(text),
    };

    public static async Task WriteOutputAsync(ServiceModel model, OperationModel op, JsonNode? output, HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = op.SuccessCode;
        var obj = output as JsonObject;
        if (op.Output is null || obj is null)
        {
            response.ContentLength = 0;
            return;
        }
        var shape = model.Shape(op.Output);
        var body = new JsonObject();
        foreach (var member in shape.Members)
        {
            if (!obj.TryGetPropertyValue(member.Wire, out var value) || value is null) continue;
            switch (member.Location)
            {
                case "header":
                    response.Headers[member.LocationName] = HeaderText(value);
                    break;
                case "headers":
                    foreach (var (k, v) in value.AsObject()) response.Headers[member.LocationName + k] = v?.ToString();
                    break;
                case "statusCode":
                    response.StatusCode = value.GetValue<int>();
                    break;
                case null when member.Name != shape.Payload:
                    obj.Remove(member.Wire);
                    body[member.Wire] = value;
                    break;
            }
        }
        if (shape.Payload is { } payloadName)
        {
            await WritePayloadAsync(model, shape.Member(payloadName)!, obj, response, cancellationToken).ConfigureAwait(false);
            return;
        }
        response.ContentType = "application/json";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, ProtocolNodeContext.Default.JsonObject);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WritePayloadAsync(ServiceModel model, MemberModel payload, JsonObject output, HttpResponse response, CancellationToken cancellationToken)
    {
        var payloadShape = model.Shape(payload.Shape);
        output.TryGetPropertyValue(payload.Wire, out var value);
        byte[] bytes;
        if (value is null) bytes = [];
        else if (payloadShape.Type == "blob") bytes = Convert.FromBase64String(value.GetValue<string>());
        else if (payloadShape.Type == "string") bytes = System.Text.Encoding.UTF8.GetBytes(value.GetValue<string>());
        else
        {
            response.ContentType = "application/json";
            bytes = JsonSerializer.SerializeToUtf8Bytes(value, ProtocolNodeContext.Default.JsonNode);
        }
        response.ContentLength = bytes.Length;
        if (bytes.Length > 0) await response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    private static string HeaderText(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.ToJsonString(),
    };
}
