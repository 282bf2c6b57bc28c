using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stratus.Lambda.Events;

/// <summary>
/// Timestamps like S3's eventTime and SNS's Timestamp: ISO 8601 UTC with milliseconds
/// (<c>1970-01-01T00:00:00.000Z</c>), written back in exactly that form.
/// </summary>
public sealed class IsoMillisecondsDateTimeConverter : JsonConverter<DateTime>
{
    /// <inheritdoc />
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        EventTime.ReadUtc(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
}

/// <summary>Timestamps like EventBridge's <c>time</c>: ISO 8601 UTC to the second (<c>2019-03-01T01:23:45Z</c>).</summary>
public sealed class IsoSecondsDateTimeConverter : JsonConverter<DateTime>
{
    /// <inheritdoc />
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        EventTime.ReadUtc(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}

/// <summary>Timestamps sent as a JSON number of seconds since the epoch, like DynamoDB's ApproximateCreationDateTime.</summary>
public sealed class EpochSecondsDateTimeConverter : JsonConverter<DateTime>
{
    /// <inheritdoc />
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"Expected a number of epoch seconds, found {reader.TokenType}.");
        }

        return DateTime.UnixEpoch.AddMilliseconds(Math.Round(reader.GetDouble() * 1000));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var milliseconds = (long)(value.ToUniversalTime() - DateTime.UnixEpoch).TotalMilliseconds;
        if (milliseconds % 1000 == 0)
        {
            writer.WriteNumberValue(milliseconds / 1000);
        }
        else
        {
            writer.WriteNumberValue(milliseconds / 1000.0);
        }
    }
}

/// <summary>
/// IAM policy elements (Action, Resource) that are a string or an array of strings. Read either way; written as a
/// string when there is one value, as AWS's own examples do.
/// </summary>
public sealed class StringOrArrayConverter : JsonConverter<List<string>>
{
    /// <inheritdoc />
    public override List<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return [reader.GetString()!];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected a string or an array of strings, found {reader.TokenType}.");
        }

        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.GetString() ?? throw new JsonException("Policy values cannot be null."));
        }

        return values;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, List<string> value, JsonSerializerOptions options)
    {
        if (value.Count == 1)
        {
            writer.WriteStringValue(value[0]);
            return;
        }

        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }
}

internal static class EventTime
{
    public static DateTime ReadUtc(ref Utf8JsonReader reader)
    {
        var text = reader.GetString();
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
        {
            throw new JsonException($"'{text}' is not an ISO 8601 timestamp.");
        }

        return value;
    }
}
