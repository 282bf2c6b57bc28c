using System.Text.Json;

namespace Stratus.Protocols;

/// <summary>Turns deserialization failures into messages a caller can act on, without internals.</summary>
public static class JsonErrors
{
    public static string Describe(Exception e) => e switch
    {
        JsonException { Path: { Length: > 0 } path } => $"Could not parse the request: unexpected value at {path}.",
        JsonException => "Could not parse the request body as JSON.",
        _ => "Could not parse the request: " + e.Message,
    };
}
