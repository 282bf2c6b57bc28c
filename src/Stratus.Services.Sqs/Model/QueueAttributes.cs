using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stratus.Services.Sqs.Model;

/// <summary>
/// The settable attributes of a queue with SQS's defaults and ranges
/// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html).
/// Values are kept as the strings SQS returns; typed accessors read them.
/// </summary>
internal sealed class QueueAttributes
{
    public const int MaxMessageSizeLimit = 1_048_576;

    private static readonly Dictionary<string, (string Default, Func<string, bool> Valid)> Settable = new(StringComparer.Ordinal)
    {
        ["DelaySeconds"] = ("0", v => IntIn(v, 0, 900)),
        ["MaximumMessageSize"] = (MaxMessageSizeLimit.ToString(CultureInfo.InvariantCulture), v => IntIn(v, 1024, MaxMessageSizeLimit)),
        ["MessageRetentionPeriod"] = ("345600", v => IntIn(v, 60, 1_209_600)),
        ["ReceiveMessageWaitTimeSeconds"] = ("0", v => IntIn(v, 0, 20)),
        ["VisibilityTimeout"] = ("30", v => IntIn(v, 0, 43_200)),
        ["RedrivePolicy"] = ("", _ => true),
        ["RedriveAllowPolicy"] = ("", _ => true),
        ["Policy"] = ("", v => v.Length == 0 || IsJsonObject(v)),
        ["KmsMasterKeyId"] = ("", _ => true),
        ["KmsDataKeyReusePeriodSeconds"] = ("300", v => IntIn(v, 60, 86_400)),
        ["SqsManagedSseEnabled"] = ("true", IsBool),
        ["FifoQueue"] = ("false", IsBool),
        ["ContentBasedDeduplication"] = ("false", IsBool),
        ["DeduplicationScope"] = ("queue", v => v is "queue" or "messageGroup"),
        ["FifoThroughputLimit"] = ("perQueue", v => v is "perQueue" or "perMessageGroupId"),
    };

    private static readonly string[] FifoOnly = ["ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit"];

    /// <summary>Attributes SQS computes; readable with GetQueueAttributes, never settable.</summary>
    public static readonly string[] Computed =
    [
        "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed",
        "CreatedTimestamp", "LastModifiedTimestamp", "QueueArn",
    ];

    private readonly Dictionary<string, string> _values;

    public QueueAttributes(Dictionary<string, string> values) => _values = values;

    public IReadOnlyDictionary<string, string> Values => _values;

    public bool IsFifo => _values.GetValueOrDefault("FifoQueue") == "true";
    public bool ContentBasedDeduplication => _values.GetValueOrDefault("ContentBasedDeduplication") == "true";
    public bool DeduplicationPerGroup => _values.GetValueOrDefault("DeduplicationScope") == "messageGroup";
    public int DelaySeconds => Int("DelaySeconds");
    public int MaximumMessageSize => Int("MaximumMessageSize");
    public int RetentionSeconds => Int("MessageRetentionPeriod");
    public int ReceiveWaitSeconds => Int("ReceiveMessageWaitTimeSeconds");
    public int VisibilityTimeout => Int("VisibilityTimeout");
    public RedrivePolicy? Redrive => RedrivePolicy.Parse(_values.GetValueOrDefault("RedrivePolicy"));
    public string? RedriveAllowPolicy => _values.GetValueOrDefault("RedriveAllowPolicy") is { Length: > 0 } v ? v : null;

    private int Int(string name) => int.Parse(_values[name], CultureInfo.InvariantCulture);

    /// <summary>The attributes of a new queue: defaults overlaid with what the caller gave, validated.</summary>
    public static QueueAttributes ForNewQueue(IReadOnlyDictionary<string, string>? given, bool fifoName)
    {
        var values = Settable.Where(p => p.Value.Default.Length > 0 && !FifoOnly.Contains(p.Key) && p.Key != "FifoQueue")
            .ToDictionary(p => p.Key, p => p.Value.Default, StringComparer.Ordinal);
        var fifo = given?.GetValueOrDefault("FifoQueue") is { } f && f.Equals("true", StringComparison.OrdinalIgnoreCase);
        if (fifo != fifoName)
        {
            throw fifo
                ? SqsErrors.InvalidParameterValue("The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.")
                : SqsErrors.InvalidParameterValue("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }
        if (fifo)
        {
            values["FifoQueue"] = "true";
            foreach (var name in FifoOnly) values[name] = Settable[name].Default;
        }
        var attributes = new QueueAttributes(values);
        if (given is not null) attributes.Apply(given, creating: true);
        return attributes;
    }

    /// <summary>Validates and applies attributes (CreateQueue or SetQueueAttributes).</summary>
    public void Apply(IReadOnlyDictionary<string, string> given, bool creating)
    {
        foreach (var (name, raw) in given)
        {
            if (!Settable.TryGetValue(name, out var rule)) throw SqsErrors.InvalidAttributeName(name);
            var value = name is "FifoQueue" or "ContentBasedDeduplication" or "SqsManagedSseEnabled" ? raw.ToLowerInvariant() : raw;
            if (!rule.Valid(value)) throw SqsErrors.InvalidAttributeValue(name);
            if (name == "FifoQueue" && !creating && value != _values.GetValueOrDefault("FifoQueue", "false"))
            {
                throw SqsErrors.InvalidAttributeValue(name, "Modifying queue type is not supported.");
            }
            if (FifoOnly.Contains(name) && !IsFifo) throw SqsErrors.InvalidAttributeName(name);
        }
        foreach (var (name, raw) in given)
        {
            var value = name is "FifoQueue" or "ContentBasedDeduplication" or "SqsManagedSseEnabled" ? raw.ToLowerInvariant() : raw;
            if (value.Length == 0 && Settable[name].Default.Length == 0) _values.Remove(name);
            else _values[name] = value;
        }
    }

    /// <summary>The first attribute whose value differs from <paramref name="given"/>, for CreateQueue's idempotency check.</summary>
    public string? FirstDifference(IReadOnlyDictionary<string, string>? given)
    {
        if (given is null) return null;
        foreach (var (name, value) in given)
        {
            var normalized = name is "FifoQueue" or "ContentBasedDeduplication" or "SqsManagedSseEnabled" ? value.ToLowerInvariant() : value;
            var current = _values.GetValueOrDefault(name) ?? (Settable.TryGetValue(name, out var r) ? r.Default : null);
            if (current != normalized) return name;
        }
        return null;
    }

    public static bool IsKnown(string name) => Settable.ContainsKey(name) || Computed.Contains(name);

    private static bool IntIn(string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max;

    private static bool IsBool(string value) => value is "true" or "false";

    private static bool IsJsonObject(string value)
    {
        try
        {
            return JsonNode.Parse(value) is JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
