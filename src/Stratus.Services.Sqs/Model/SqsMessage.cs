namespace Stratus.Services.Sqs.Model;

/// <summary>Where a message is in its life: waiting out a delay, ready to receive, or in flight.</summary>
internal enum MessageState
{
    Delayed,
    Ready,
    InFlight,
}

/// <summary>A message attribute as SQS stores it: a data type with a string or binary value.</summary>
internal sealed record MessageAttribute(string DataType, string? StringValue, byte[]? BinaryValue)
{
    /// <summary>The transport type in the MD5 encoding: 1 for String/Number, 2 for Binary.</summary>
    public bool IsBinary => DataType.StartsWith("Binary", StringComparison.Ordinal);

    public int Size(string name) => name.Length + DataType.Length + (StringValue is null ? 0 : System.Text.Encoding.UTF8.GetByteCount(StringValue)) + (BinaryValue?.Length ?? 0);
}

/// <summary>One message of a queue; mutated only under its queue's lock.</summary>
internal sealed class SqsMessage
{
    public required long Seq { get; init; }
    public required string MessageId { get; init; }
    public required string Body { get; init; }
    public required string Md5OfBody { get; init; }
    public IReadOnlyDictionary<string, MessageAttribute>? Attributes { get; init; }
    public string? Md5OfAttributes { get; init; }
    public string? TraceHeader { get; init; }
    public string? Md5OfSystemAttributes { get; init; }
    public required long SentAt { get; init; }
    public string? GroupId { get; init; }
    public string? DeduplicationId { get; init; }
    public string? SequenceNumber { get; init; }
    public required string SenderId { get; init; }

    /// <summary>For a message moved to a dead-letter queue: the ARN of the queue it came from.</summary>
    public string? DeadLetterSourceArn { get; init; }

    public long FirstReceivedAt { get; set; }
    public int ReceiveCount { get; set; }
    public long VisibleAt { get; set; }
    public MessageState State { get; set; }

    /// <summary>Changes with every receive, so a receipt handle names one delivery.</summary>
    public long ReceiptToken { get; set; }

    public long Size => System.Text.Encoding.UTF8.GetByteCount(Body) + (Attributes?.Sum(a => (long)a.Value.Size(a.Key)) ?? 0);
}
