using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stratus.Lambda.Events;

/// <summary>
/// An EventBridge event, including scheduled events (detail-type <c>Scheduled Event</c>, source <c>aws.events</c>,
/// detail <c>{}</c>): https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html.
/// Not sealed so that <see cref="EventBridgeEvent"/> can fix the detail to a JSON element.
/// </summary>
/// <typeparam name="TDetail">The type <c>detail</c> is read as; register the closed type in your own JsonSerializerContext.</typeparam>
public class EventBridgeEvent<TDetail>
{
    /// <summary><c>0</c>.</summary>
    [JsonPropertyName("version")] public string? Version { get; set; }

    /// <summary>The event id.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }

    /// <summary>What happened, e.g. <c>Scheduled Event</c> or <c>Object Created</c>.</summary>
    [JsonPropertyName("detail-type")] public string? DetailType { get; set; }

    /// <summary>Who sent it, e.g. <c>aws.events</c>, <c>aws.s3</c> or an application name.</summary>
    [JsonPropertyName("source")] public string? Source { get; set; }

    /// <summary>The account.</summary>
    [JsonPropertyName("account")] public string? Account { get; set; }

    /// <summary>When it happened, UTC to the second.</summary>
    [JsonPropertyName("time")]
    [JsonConverter(typeof(IsoSecondsDateTimeConverter))]
    public DateTime Time { get; set; }

    /// <summary>The region.</summary>
    [JsonPropertyName("region")] public string? Region { get; set; }

    /// <summary>ARNs of the resources involved (the schedule rule's ARN for scheduled events).</summary>
    [JsonPropertyName("resources")] public List<string>? Resources { get; set; }

    /// <summary>The event's own data.</summary>
    [JsonPropertyName("detail")] public TDetail? Detail { get; set; }
}

/// <summary>An EventBridge or scheduled event whose detail is left as JSON.</summary>
public sealed class EventBridgeEvent : EventBridgeEvent<JsonElement>;
