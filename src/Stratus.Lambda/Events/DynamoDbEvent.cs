using System.Text.Json.Serialization;

namespace Stratus.Lambda.Events;

/// <summary>A batch of DynamoDB stream records (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html).</summary>
public sealed class DynamoDBEvent
{
    /// <summary>The records, in stream order per partition key.</summary>
    [JsonPropertyName("Records")] public List<DynamoDBStreamRecord> Records { get; set; } = [];
}

/// <summary>One stream record.</summary>
public sealed class DynamoDBStreamRecord
{
    /// <summary>A unique id of the record.</summary>
    [JsonPropertyName("eventID")] public string? EventId { get; set; }

    /// <summary><c>INSERT</c>, <c>MODIFY</c> or <c>REMOVE</c>.</summary>
    [JsonPropertyName("eventName")] public string? EventName { get; set; }

    /// <summary>e.g. <c>1.1</c>.</summary>
    [JsonPropertyName("eventVersion")] public string? EventVersion { get; set; }

    /// <summary><c>aws:dynamodb</c>.</summary>
    [JsonPropertyName("eventSource")] public string? EventSource { get; set; }

    /// <summary>The table's region.</summary>
    [JsonPropertyName("awsRegion")] public string? AwsRegion { get; set; }

    /// <summary>The change itself.</summary>
    [JsonPropertyName("dynamodb")] public StreamRecord? Dynamodb { get; set; }

    /// <summary>The stream's ARN.</summary>
    [JsonPropertyName("eventSourceARN")] public string? EventSourceArn { get; set; }

    /// <summary>Set for deletions made by Time to Live: type <c>Service</c>, principalId <c>dynamodb.amazonaws.com</c>.</summary>
    [JsonPropertyName("userIdentity")] public DynamoDBUserIdentity? UserIdentity { get; set; }
}

/// <summary>The <c>dynamodb</c> member of a stream record (the DynamoDB Streams StreamRecord shape).</summary>
public sealed class StreamRecord
{
    /// <summary>When the change happened, to the second.</summary>
    [JsonPropertyName("ApproximateCreationDateTime")]
    [JsonConverter(typeof(EpochSecondsDateTimeConverter))]
    public DateTime ApproximateCreationDateTime { get; set; }

    /// <summary>The item's key attributes.</summary>
    [JsonPropertyName("Keys")] public Dictionary<string, AttributeValue>? Keys { get; set; }

    /// <summary>The item after the change (NEW_IMAGE and NEW_AND_OLD_IMAGES streams).</summary>
    [JsonPropertyName("NewImage")] public Dictionary<string, AttributeValue>? NewImage { get; set; }

    /// <summary>The item before the change (OLD_IMAGE and NEW_AND_OLD_IMAGES streams).</summary>
    [JsonPropertyName("OldImage")] public Dictionary<string, AttributeValue>? OldImage { get; set; }

    /// <summary>The record's position in its shard; the itemIdentifier of a batch item failure.</summary>
    [JsonPropertyName("SequenceNumber")] public string? SequenceNumber { get; set; }

    /// <summary>The size of the record in bytes.</summary>
    [JsonPropertyName("SizeBytes")] public long SizeBytes { get; set; }

    /// <summary>KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES.</summary>
    [JsonPropertyName("StreamViewType")] public string? StreamViewType { get; set; }
}

/// <summary>The identity behind a stream record (only set for TTL deletions).</summary>
public sealed class DynamoDBUserIdentity
{
    /// <summary><c>Service</c>.</summary>
    [JsonPropertyName("type")] public string? Type { get; set; }

    /// <summary><c>dynamodb.amazonaws.com</c>.</summary>
    [JsonPropertyName("principalId")] public string? PrincipalId { get; set; }
}

/// <summary>
/// A DynamoDB attribute value in the low-level JSON form (<c>{"S": "x"}</c>, <c>{"N": "1"}</c>, ...): exactly one
/// member is set.
/// </summary>
public sealed class AttributeValue
{
    /// <summary>String.</summary>
    [JsonPropertyName("S")] public string? S { get; set; }

    /// <summary>Number, as its decimal string.</summary>
    [JsonPropertyName("N")] public string? N { get; set; }

    /// <summary>Binary (base64 in JSON).</summary>
    [JsonPropertyName("B")] public byte[]? B { get; set; }

    /// <summary>String set.</summary>
    [JsonPropertyName("SS")] public List<string>? SS { get; set; }

    /// <summary>Number set.</summary>
    [JsonPropertyName("NS")] public List<string>? NS { get; set; }

    /// <summary>Binary set.</summary>
    [JsonPropertyName("BS")] public List<byte[]>? BS { get; set; }

    /// <summary>Map.</summary>
    [JsonPropertyName("M")] public Dictionary<string, AttributeValue>? M { get; set; }

    /// <summary>List.</summary>
    [JsonPropertyName("L")] public List<AttributeValue>? L { get; set; }

    /// <summary>Null (always true when present).</summary>
    [JsonPropertyName("NULL")] public bool? NULL { get; set; }

    /// <summary>Boolean.</summary>
    [JsonPropertyName("BOOL")] public bool? BOOL { get; set; }
}

/// <summary>The partial batch response of a Kinesis or DynamoDB-stream function (same shape as <see cref="SQSBatchResponse"/>).</summary>
public sealed class StreamsEventResponse
{
    /// <summary>The records to retry, identified by SequenceNumber; processing resumes from the lowest.</summary>
    [JsonPropertyName("batchItemFailures")] public List<BatchItemFailure> BatchItemFailures { get; set; } = [];
}
