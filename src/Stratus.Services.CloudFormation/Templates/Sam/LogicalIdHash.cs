using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Sam;

/// <summary>
/// The stable hashes SAM appends to some logical ids (Lambda versions, layer versions): the first 10 hex digits of
/// the SHA-1 of the data serialized as compact JSON with sorted keys and non-ASCII escaped — the serialization SAM
/// documents for its logical id generator, so the same template gives the same ids in Stratus and in SAM.
/// </summary>
internal static class LogicalIdHash
{
    public const int Length = 10;

    public static string Of(JsonNode? data) => Sha1(Canonical(data))[..Length];

    public static string OfText(string text) => Sha1(text)[..Length];

    public static string Sha1(string text) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Compact JSON, keys sorted by code point, every character outside printable ASCII escaped.</summary>
    public static string Canonical(JsonNode? node)
    {
        if (node.TryGetString(out var plain))
        {
            return plain;
        }
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject map:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    builder.Append(first ? "" : ",");
                    first = false;
                    WriteString(builder, key);
                    builder.Append(':');
                    Write(builder, value);
                }
                builder.Append('}');
                break;
            case JsonArray list:
                builder.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ",");
                    Write(builder, list[i]);
                }
                builder.Append(']');
                break;
            case JsonValue value:
                WriteValue(builder, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder builder, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(builder, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Number when value.TryGetValue(out long integer):
                builder.Append(integer.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.Number when value.TryGetValue(out decimal number):
                builder.Append(number.ToString("G29", CultureInfo.InvariantCulture));
                break;
            default:
                builder.Append(value.ToJsonString());
                break;
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case >= ' ' and <= '~': builder.Append(c); break;
                default: builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
            }
        }
        builder.Append('"');
    }
}
