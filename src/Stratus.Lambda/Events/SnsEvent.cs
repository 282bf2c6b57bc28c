using System.Text.Json.Serialization;

namespace Stratus.Lambda.Events;

/// <summary>An SNS notification delivered to Lambda (https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html).</summary>
public sealed class SNSEvent
{
    /// <summary>The records; SNS sends one per invocation.</summary>
    [JsonPropertyName("Records")] public List<SNSRecord> Records { get; set; } = [];
}

/// <summary>One SNS record.</summary>
public sealed class SNSRecord
{
    /// <summary><c>1.0</c>.</summary>
    [JsonPropertyName("EventVersion")] public string? EventVersion { get; set; }

    /// <summary>The subscription's ARN.</summary>
    [JsonPropertyName("EventSubscriptionArn")] public string? EventSubscriptionArn { get; set; }

    /// <summary><c>aws:sns</c>.</summary>
    [JsonPropertyName("EventSource")] public string? EventSource { get; set; }

    /// <summary>The message.</summary>
    [JsonPropertyName("Sns")] public SNSMessage? Sns { get; set; }
}

/// <summary>The <c>Sns</c> member of a record.</summary>
public sealed class SNSMessage
{
    /// <summary><c>1</c> or <c>2</c>.</summary>
    [JsonPropertyName("SignatureVersion")] public string? SignatureVersion { get; set; }

    /// <summary>When SNS published the message, UTC.</summary>
    [JsonPropertyName("Timestamp")]
    [JsonConverter(typeof(IsoMillisecondsDateTimeConverter))]
    public DateTime Timestamp { get; set; }

    /// <summary>The signature.</summary>
    [JsonPropertyName("Signature")] public string? Signature { get; set; }

    /// <summary>The signing certificate's URL (spelled Url in Lambda events).</summary>
    [JsonPropertyName("SigningCertUrl")] public string? SigningCertUrl { get; set; }

    /// <summary>The message id.</summary>
    [JsonPropertyName("MessageId")] public string? MessageId { get; set; }

    /// <summary>The message body.</summary>
    [JsonPropertyName("Message")] public string? Message { get; set; }

    /// <summary>Message attributes.</summary>
    [JsonPropertyName("MessageAttributes")] public Dictionary<string, SNSMessageAttribute>? MessageAttributes { get; set; }

    /// <summary><c>Notification</c>.</summary>
    [JsonPropertyName("Type")] public string? Type { get; set; }

    /// <summary>The unsubscribe URL.</summary>
    [JsonPropertyName("UnsubscribeUrl")] public string? UnsubscribeUrl { get; set; }

    /// <summary>The topic's ARN.</summary>
    [JsonPropertyName("TopicArn")] public string? TopicArn { get; set; }

    /// <summary>The subject, when the publisher gave one.</summary>
    [JsonPropertyName("Subject")] public string? Subject { get; set; }
}

/// <summary>An SNS message attribute.</summary>
public sealed class SNSMessageAttribute
{
    /// <summary>String, String.Array, Number or Binary.</summary>
    [JsonPropertyName("Type")] public string? Type { get; set; }

    /// <summary>The value (base64 for Binary).</summary>
    [JsonPropertyName("Value")] public string? Value { get; set; }
}
