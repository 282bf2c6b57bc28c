using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Stratus.Protocols.Json;

[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class ProtocolNodeContext : JsonSerializerContext;
