using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stratus.Lambda.Bootstrap;

/// <summary>
/// The serializer settings of Amazon.Lambda.Serialization.SystemTextJson's DefaultLambdaJsonSerializer, which class-library
/// functions get on AWS: property names matched case-insensitively and written as declared (no camel-casing), nulls left
/// out, relaxed escaping, DateTime readable from epoch seconds, MemoryStream as base64.
/// </summary>
internal static class LambdaJsonDefaults
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            PropertyNamingPolicy = new AwsNamingPolicy(),
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new EpochOrIsoDateTimeConverter(), new MemoryStreamConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Names as declared, except the two S3 response members whose JSON names are not identifiers.</summary>
    private sealed class AwsNamingPolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name switch
        {
            "XAmzId2" => "x-amz-id-2",
            "XAmzRequestId" => "x-amz-request-id",
            _ => name,
        };
    }

    private sealed class EpochOrIsoDateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTime(out var date))
            {
                return date;
            }

            if (reader.TokenType == JsonTokenType.Number)
            {
                return reader.TryGetInt64(out var seconds)
                    ? DateTime.UnixEpoch.AddSeconds(seconds)
                    : DateTime.UnixEpoch.AddSeconds(reader.GetDouble());
            }

            throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"Unknown data type for DateTime: {reader.TokenType}"));
        }

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class MemoryStreamConverter : JsonConverter<MemoryStream>
    {
        public override MemoryStream Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetBytesFromBase64());

        public override void Write(Utf8JsonWriter writer, MemoryStream value, JsonSerializerOptions options) =>
            writer.WriteBase64StringValue(value.ToArray());
    }
}
