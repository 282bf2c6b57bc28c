using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Stratus.Services.Sqs.Model;
using Stratus.Storage;

namespace Stratus.Services.Sqs;

/// <summary>
/// Persists queues and messages through the metadata store. Queues live in <c>sqs.queues</c> keyed by
/// account/region/name; messages in <c>sqs.messages</c> keyed by queue key and a zero-padded sequence, so a
/// queue's messages load in order and a deleted queue's messages go with one prefix delete.
/// </summary>
internal sealed class SqsStore(IMetadataStore store)
{
    private const string Queues = "sqs.queues";
    private const string Messages = "sqs.messages";

    public ValueTask SaveQueueAsync(SqsQueue queue) => store.CommitAsync(WriteBatch.Of(Queues, queue.Id.Key, Serialize(queue)));

    public ValueTask DeleteQueueAsync(SqsQueue queue) =>
        store.CommitAsync(new WriteBatch().Delete(Queues, queue.Id.Key).DeletePrefix(Messages, queue.Id.Key + "/"));

    public ValueTask PurgeAsync(SqsQueue queue) => store.CommitAsync(new WriteBatch().DeletePrefix(Messages, queue.Id.Key + "/"));

    public static WriteBatch PutMessage(WriteBatch batch, SqsQueue queue, SqsMessage message) =>
        batch.Put(Messages, MessageKey(queue, message.Seq), JsonSerializer.SerializeToUtf8Bytes(ToRecord(message), SqsStoreJson.Default.MessageRecord));

    public static WriteBatch DeleteMessage(WriteBatch batch, SqsQueue queue, long seq) => batch.Delete(Messages, MessageKey(queue, seq));

    public ValueTask CommitAsync(WriteBatch batch) => store.CommitAsync(batch);

    private static string MessageKey(SqsQueue queue, long seq) =>
        queue.Id.Key + "/" + seq.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>Rebuilds every queue with its messages, all visible again (in-flight state does not survive a restart).</summary>
    public IEnumerable<(SqsQueue Queue, List<SqsMessage> Messages)> Load()
    {
        foreach (var (_, bytes) in store.Scan(Queues))
        {
            var record = JsonSerializer.Deserialize(bytes, SqsStoreJson.Default.QueueRecord)!;
            var queue = new SqsQueue(new QueueId(record.Account, record.Region, record.Name),
                new QueueAttributes(record.Attributes), record.CreatedAt, record.Tags)
            {
                LastModifiedAt = record.LastModifiedAt,
            };
            var messages = store.Scan(Messages, queue.Id.Key + "/")
                .Select(p => FromRecord(JsonSerializer.Deserialize(p.Value, SqsStoreJson.Default.MessageRecord)!))
                .ToList();
            yield return (queue, messages);
        }
    }

    private static byte[] Serialize(SqsQueue queue) => JsonSerializer.SerializeToUtf8Bytes(new QueueRecord
    {
        Account = queue.Id.Account, Region = queue.Id.Region, Name = queue.Id.Name,
        Attributes = queue.Attributes.Values.ToDictionary(StringComparer.Ordinal),
        Tags = new Dictionary<string, string>(queue.Tags, StringComparer.Ordinal),
        CreatedAt = queue.CreatedAt, LastModifiedAt = queue.LastModifiedAt,
    }, SqsStoreJson.Default.QueueRecord);

    private static MessageRecord ToRecord(SqsMessage m) => new()
    {
        Seq = m.Seq, Id = m.MessageId, Body = m.Body, Md5 = m.Md5OfBody,
        Attributes = m.Attributes?.ToDictionary(p => p.Key, p => new AttributeRecord { Type = p.Value.DataType, S = p.Value.StringValue, B = p.Value.BinaryValue }),
        AttributesMd5 = m.Md5OfAttributes, Trace = m.TraceHeader, TraceMd5 = m.Md5OfSystemAttributes,
        SentAt = m.SentAt, FirstReceivedAt = m.FirstReceivedAt, ReceiveCount = m.ReceiveCount, VisibleAt = m.VisibleAt,
        Group = m.GroupId, Dedup = m.DeduplicationId, SequenceNumber = m.SequenceNumber, Sender = m.SenderId, DlqSource = m.DeadLetterSourceArn,
    };

    private static SqsMessage FromRecord(MessageRecord r) => new()
    {
        Seq = r.Seq, MessageId = r.Id, Body = r.Body, Md5OfBody = r.Md5,
        Attributes = r.Attributes?.ToDictionary(p => p.Key, p => new MessageAttribute(p.Value.Type, p.Value.S, p.Value.B), StringComparer.Ordinal),
        Md5OfAttributes = r.AttributesMd5, TraceHeader = r.Trace, Md5OfSystemAttributes = r.TraceMd5,
        SentAt = r.SentAt, FirstReceivedAt = r.FirstReceivedAt, ReceiveCount = r.ReceiveCount,
        // Visibility timeouts are not kept across restarts: a message in flight when the server stopped is visible again.
        VisibleAt = r.ReceiveCount > 0 ? 0 : r.VisibleAt,
        GroupId = r.Group, DeduplicationId = r.Dedup, SequenceNumber = r.SequenceNumber, SenderId = r.Sender, DeadLetterSourceArn = r.DlqSource,
    };
}

internal sealed class QueueRecord
{
    public required string Account { get; init; }
    public required string Region { get; init; }
    public required string Name { get; init; }
    public required Dictionary<string, string> Attributes { get; init; }
    public required Dictionary<string, string> Tags { get; init; }
    public long CreatedAt { get; init; }
    public long LastModifiedAt { get; init; }
}

internal sealed class MessageRecord
{
    public long Seq { get; init; }
    public required string Id { get; init; }
    public required string Body { get; init; }
    public required string Md5 { get; init; }
    public Dictionary<string, AttributeRecord>? Attributes { get; init; }
    public string? AttributesMd5 { get; init; }
    public string? Trace { get; init; }
    public string? TraceMd5 { get; init; }
    public long SentAt { get; init; }
    public long FirstReceivedAt { get; init; }
    public int ReceiveCount { get; init; }
    public long VisibleAt { get; init; }
    public string? Group { get; init; }
    public string? Dedup { get; init; }
    public string? SequenceNumber { get; init; }
    public required string Sender { get; init; }
    public string? DlqSource { get; init; }
}

internal sealed class AttributeRecord
{
    public required string Type { get; init; }
    public string? S { get; init; }
    public byte[]? B { get; init; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(QueueRecord))]
[JsonSerializable(typeof(MessageRecord))]
internal sealed partial class SqsStoreJson : JsonSerializerContext;
