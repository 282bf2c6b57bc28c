using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Stratus.Protocols.Model;

/// <summary>
/// The run-time view of a botocore model, trimmed by tools/Stratus.Codegen: what the query, XML and REST codecs
/// need to map between the wire and the JSON form of the generated shapes.
/// </summary>
public sealed class ServiceModel
{
    private ServiceModel(JsonObject root)
    {
        var metadata = root["metadata"]!.AsObject();
        Protocol = (string)metadata["protocol"]!;
        AlsoProtocol = (string?)metadata["alsoProtocol"];
        ApiVersion = (string?)metadata["apiVersion"] ?? "";
        TargetPrefix = (string?)metadata["targetPrefix"];
        JsonVersion = (string?)metadata["jsonVersion"] ?? "1.0";
        XmlNamespace = (string?)metadata["xmlNamespace"];
        ServiceId = (string?)metadata["serviceId"] ?? "";
        AwsQueryCompatible = metadata["awsQueryCompatible"] is not null;
        Shapes = root["shapes"]!.AsObject()
            .ToFrozenDictionary(p => p.Key, p => new ShapeModel(p.Key, p.Value!.AsObject()), StringComparer.Ordinal);
        Operations = root["operations"]!.AsObject()
            .ToFrozenDictionary(p => p.Key, p => new OperationModel(p.Key, p.Value!.AsObject()), StringComparer.Ordinal);
    }

    public string Protocol { get; }
    /// <summary>A second protocol the service still accepts (SQS: query beside JSON).</summary>
    public string? AlsoProtocol { get; }
    public string ApiVersion { get; }
    public string? TargetPrefix { get; }
    public string JsonVersion { get; }
    public string? XmlNamespace { get; }
    public string ServiceId { get; }
    public bool AwsQueryCompatible { get; }
    public FrozenDictionary<string, ShapeModel> Shapes { get; }
    public FrozenDictionary<string, OperationModel> Operations { get; }

    public ShapeModel Shape(string name) => Shapes[name];

    public static ServiceModel Parse(string json) => new(JsonNode.Parse(json)!.AsObject());

    /// <summary>The code AWS uses on the wire for an error shape (the query code where it differs).</summary>
    public ShapeModel? ErrorShape(string code) => Shapes.TryGetValue(code, out var s) && s.IsException ? s : null;
}

/// <summary>Loads the trimmed model embedded beside the generated contracts.</summary>
public static class ServiceModelResource
{
    public static Lazy<ServiceModel> Load(Assembly assembly, string name) => new(() =>
    {
        using var stream = assembly.GetManifestResourceStream($"model/{name}.model.json")
            ?? throw new InvalidOperationException($"model resource model/{name}.model.json is missing");
        using var reader = new StreamReader(stream);
        return ServiceModel.Parse(reader.ReadToEnd());
    });
}

public sealed class OperationModel(string name, JsonObject node)
{
    public string Name { get; } = name;
    public string Method { get; } = (string?)node["method"] ?? "POST";
    public string RequestUri { get; } = (string?)node["uri"] ?? "/";
    public int SuccessCode { get; } = (int?)node["code"] ?? 200;
    public string? Input { get; } = (string?)node["input"];
    public string? Output { get; } = (string?)node["output"];
    public string? ResultWrapper { get; } = (string?)node["resultWrapper"];
}

public sealed class ShapeModel
{
    public ShapeModel(string name, JsonObject node)
    {
        Name = name;
        Type = (string)node["type"]!;
        TimestampFormat = (string?)node["timestampFormat"];
        Payload = (string?)node["payload"];
        Flattened = (bool?)node["flattened"] ?? false;
        IsException = (bool?)node["exception"] ?? false;
        Required = node["required"]?.AsArray().Select(n => (string)n!).ToArray() ?? [];
        if (node["error"] is JsonObject error)
        {
            ErrorCode = (string?)error["code"];
            ErrorStatus = (int?)error["httpStatusCode"];
            ErrorSenderFault = (bool?)error["senderFault"] ?? true;
        }
        Members = (node["members"]?.AsObject() ?? [])
            .Select(p => new MemberModel(p.Key, p.Value!.AsObject()))
            .ToArray();
        MemberRef = node["member"] is JsonObject m ? new ShapeRef(m) : null;
        KeyRef = node["key"] is JsonObject k ? new ShapeRef(k) : null;
        ValueRef = node["value"] is JsonObject v ? new ShapeRef(v) : null;
    }

    public string Name { get; }
    public string Type { get; }
    public string? TimestampFormat { get; }
    public string? Payload { get; }
    public bool Flattened { get; }
    public bool IsException { get; }
    public string[] Required { get; }
    public string? ErrorCode { get; }
    public int? ErrorStatus { get; }
    public bool ErrorSenderFault { get; }
    public MemberModel[] Members { get; }
    public ShapeRef? MemberRef { get; }
    public ShapeRef? KeyRef { get; }
    public ShapeRef? ValueRef { get; }

    public MemberModel? Member(string name) => Array.Find(Members, m => m.Name == name);
}

public sealed class MemberModel(string name, JsonObject node)
{
    public string Name { get; } = name;
    public string Shape { get; } = (string)node["shape"]!;
    /// <summary>The key of the member in the JSON body and in the generated shape's JSON form.</summary>
    public string Wire { get; } = (string?)node["wire"] ?? name;
    /// <summary>The member's name in query parameters and XML elements.</summary>
    public string Xml { get; } = (string?)node["xml"] ?? name;
    /// <summary>uri, querystring, header, headers, statusCode, or null for the body.</summary>
    public string? Location { get; } = (string?)node["location"];
    public string LocationName { get; } = (string?)node["locationName"] ?? name;
    public bool Flattened { get; } = (bool?)node["flattened"] ?? false;
    public bool XmlAttribute { get; } = (bool?)node["xmlAttribute"] ?? false;
    public string? TimestampFormat { get; } = (string?)node["timestampFormat"];
    public bool IdempotencyToken { get; } = (bool?)node["idempotencyToken"] ?? false;
}

public sealed class ShapeRef(JsonObject node)
{
    public string Shape { get; } = (string)node["shape"]!;
    public string? Xml { get; } = (string?)node["xml"];
}
