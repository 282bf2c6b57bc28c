using System.Text.Json.Serialization;

namespace Stratus.Lambda.Events;

/// <summary>A batch of SQS messages (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html).</summary>
public sealed class SQSEvent
{
    /// <summary>The messages.</summary>
    [JsonPropertyName("Records")] public List<SQSMessage> Records { get; set; } = [];
}

/// <summary>One message of an <see cref="SQSEvent"/>.</summary>
public sealed class SQSMessage
{
    /// <summary>The message id; also the itemIdentifier of a batch item failure.</summary>
    [JsonPropertyName("messageId")] public string? MessageId { get; set; }

    /// <summary>The receipt handle.</summary>
    [JsonPropertyName("receiptHandle")] public string? ReceiptHandle { get; set; }

    /// <summary>The body.</summary>
    [JsonPropertyName("body")] public string? Body { get; set; }

    /// <summary>System attributes: ApproximateReceiveCount, SentTimestamp, SenderId, ApproximateFirstReceiveTimestamp, and for FIFO queues MessageGroupId, SequenceNumber, MessageDeduplicationId.</summary>
    [JsonPropertyName("attributes")] public Dictionary<string, string>? Attributes { get; set; }

    /// <summary>Message attributes.</summary>
    [JsonPropertyName("messageAttributes")] public Dictionary<string, SQSMessageAttribute>? MessageAttributes { get; set; }

    /// <summary>MD5 of the body.</summary>
    [JsonPropertyName("md5OfBody")] public string? Md5OfBody { get; set; }

    /// <summary>MD5 of the message attributes, when there are any.</summary>
    [JsonPropertyName("md5OfMessageAttributes")] public string? Md5OfMessageAttributes { get; set; }

    /// <summary><c>aws:sqs</c>.</summary>
    [JsonPropertyName("eventSource")] public string? EventSource { get; set; }

    /// <summary>The queue's ARN.</summary>
    [JsonPropertyName("eventSourceARN")] public string? EventSourceArn { get; set; }

    /// <summary>The queue's region.</summary>
    [JsonPropertyName("awsRegion")] public string? AwsRegion { get; set; }
}

/// <summary>A message attribute as the SQS event source writes it (camel-cased, unlike the SQS API).</summary>
public sealed class SQSMessageAttribute
{
    /// <summary>String or Number value.</summary>
    [JsonPropertyName("stringValue")] public string? StringValue { get; set; }

    /// <summary>Binary value.</summary>
    [JsonPropertyName("binaryValue")] public byte[]? BinaryValue { get; set; }

    /// <summary>Reserved by SQS; sent as an empty list.</summary>
    [JsonPropertyName("stringListValues")] public List<string>? StringListValues { get; set; }

    /// <summary>Reserved by SQS; sent as an empty list.</summary>
    [JsonPropertyName("binaryListValues")] public List<byte[]>? BinaryListValues { get; set; }

    /// <summary>String, Number or Binary, with an optional custom suffix.</summary>
    [JsonPropertyName("dataType")] public string? DataType { get; set; }
}

/// <summary>
/// The partial batch response of an SQS, Kinesis or DynamoDB-stream function with ReportBatchItemFailures
/// (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html#services-sqs-batchfailurereporting).
/// </summary>
public sealed class SQSBatchResponse
{
    /// <summary>The items to retry; empty means the whole batch succeeded.</summary>
    [JsonPropertyName("batchItemFailures")] public List<BatchItemFailure> BatchItemFailures { get; set; } = [];
}

/// <summary>One failed item of a batch.</summary>
public sealed class BatchItemFailure
{
    /// <summary>The SQS messageId, or the stream record's SequenceNumber.</summary>
    [JsonPropertyName("itemIdentifier")] public string? ItemIdentifier { get; set; }
}
