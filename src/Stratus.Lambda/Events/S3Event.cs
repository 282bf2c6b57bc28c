using System.Net;
using System.Text.Json.Serialization;

namespace Stratus.Lambda.Events;

/// <summary>An S3 event notification (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html).</summary>
public sealed class S3Event
{
    /// <summary>The records; S3 sends one per notification.</summary>
    [JsonPropertyName("Records")] public List<S3EventRecord> Records { get; set; } = [];
}

/// <summary>One S3 event record.</summary>
public sealed class S3EventRecord
{
    /// <summary>e.g. <c>2.1</c>.</summary>
    [JsonPropertyName("eventVersion")] public string? EventVersion { get; set; }

    /// <summary><c>aws:s3</c>.</summary>
    [JsonPropertyName("eventSource")] public string? EventSource { get; set; }

    /// <summary>The bucket's region.</summary>
    [JsonPropertyName("awsRegion")] public string? AwsRegion { get; set; }

    /// <summary>When S3 finished the request, UTC.</summary>
    [JsonPropertyName("eventTime")]
    [JsonConverter(typeof(IsoMillisecondsDateTimeConverter))]
    public DateTime EventTime { get; set; }

    /// <summary>e.g. <c>ObjectCreated:Put</c>, <c>ObjectRemoved:Delete</c>.</summary>
    [JsonPropertyName("eventName")] public string? EventName { get; set; }

    /// <summary>Who caused the event.</summary>
    [JsonPropertyName("userIdentity")] public S3UserIdentity? UserIdentity { get; set; }

    /// <summary>sourceIPAddress.</summary>
    [JsonPropertyName("requestParameters")] public S3RequestParameters? RequestParameters { get; set; }

    /// <summary>x-amz-request-id and x-amz-id-2.</summary>
    [JsonPropertyName("responseElements")] public S3ResponseElements? ResponseElements { get; set; }

    /// <summary>The bucket and object.</summary>
    [JsonPropertyName("s3")] public S3Entity? S3 { get; set; }
}

/// <summary>The principal of an S3 event or bucket owner.</summary>
public sealed class S3UserIdentity
{
    /// <summary>The principal id.</summary>
    [JsonPropertyName("principalId")] public string? PrincipalId { get; set; }
}

/// <summary>requestParameters of an S3 event.</summary>
public sealed class S3RequestParameters
{
    /// <summary>The caller's IP address.</summary>
    [JsonPropertyName("sourceIPAddress")] public string? SourceIPAddress { get; set; }
}

/// <summary>responseElements of an S3 event.</summary>
public sealed class S3ResponseElements
{
    /// <summary>The request id.</summary>
    [JsonPropertyName("x-amz-request-id")] public string? XAmzRequestId { get; set; }

    /// <summary>The host id.</summary>
    [JsonPropertyName("x-amz-id-2")] public string? XAmzId2 { get; set; }
}

/// <summary>The <c>s3</c> member of a record.</summary>
public sealed class S3Entity
{
    /// <summary><c>1.0</c>.</summary>
    [JsonPropertyName("s3SchemaVersion")] public string? S3SchemaVersion { get; set; }

    /// <summary>The notification configuration's id.</summary>
    [JsonPropertyName("configurationId")] public string? ConfigurationId { get; set; }

    /// <summary>The bucket.</summary>
    [JsonPropertyName("bucket")] public S3BucketEntity? Bucket { get; set; }

    /// <summary>The object.</summary>
    [JsonPropertyName("object")] public S3ObjectEntity? Object { get; set; }
}

/// <summary>The bucket of an S3 event.</summary>
public sealed class S3BucketEntity
{
    /// <summary>The bucket name.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }

    /// <summary>The bucket owner.</summary>
    [JsonPropertyName("ownerIdentity")] public S3UserIdentity? OwnerIdentity { get; set; }

    /// <summary>The bucket ARN.</summary>
    [JsonPropertyName("arn")] public string? Arn { get; set; }
}

/// <summary>The object of an S3 event.</summary>
public sealed class S3ObjectEntity
{
    /// <summary>The key, URL-encoded as S3 sends it (a space arrives as '+'); see <see cref="DecodedKey"/>.</summary>
    [JsonPropertyName("key")] public string? Key { get; set; }

    /// <summary>The size in bytes (absent for deletions).</summary>
    [JsonPropertyName("size")] public long? Size { get; set; }

    /// <summary>The ETag, without quotes.</summary>
    [JsonPropertyName("eTag")] public string? ETag { get; set; }

    /// <summary>The version id, on versioned buckets.</summary>
    [JsonPropertyName("versionId")] public string? VersionId { get; set; }

    /// <summary>Orders events for the same key: compare as hex strings of equal length.</summary>
    [JsonPropertyName("sequencer")] public string? Sequencer { get; set; }

    /// <summary>The key as stored: S3 form-encodes it in events, so it must be decoded before use with the S3 API.</summary>
    [JsonIgnore] public string? DecodedKey => Key is null ? null : WebUtility.UrlDecode(Key);
}
