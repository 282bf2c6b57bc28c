using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Jobs.Core;
using Stratus.Lambda;
using Stratus.Lambda.Events;

namespace Jobs.QueueToTable;

/// <summary>
/// Writes each queued job offer to the table. Writes are idempotent (the item is keyed by id and city and fully
/// replaced), and a message that cannot be written is reported in batchItemFailures so only it returns to the
/// queue - and, after maxReceiveCount receives, reaches the dead-letter queue.
/// </summary>
public sealed class JobWriter(IAmazonDynamoDB dynamo, string table)
{
    public async Task<SQSBatchResponse> HandleAsync(SQSEvent sqsEvent, ILambdaContext context)
    {
        var response = new SQSBatchResponse();
        var writes = sqsEvent.Records.Select(async record =>
        {
            try
            {
                await WriteAsync(record.Body).ConfigureAwait(false);
                return null;
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or AmazonDynamoDBException)
            {
                context.Logger.LogError($"message {record.MessageId} not written: {e.Message}");
                return record.MessageId;
            }
        });
        foreach (var failed in await Task.WhenAll(writes).ConfigureAwait(false))
        {
            if (failed is not null) response.BatchItemFailures.Add(new BatchItemFailure { ItemIdentifier = failed });
        }
        return response;
    }

    private async Task WriteAsync(string? body)
    {
        var offer = JsonSerializer.Deserialize(body ?? "", JobsJsonContext.Default.JobOffer)
            ?? throw new InvalidDataException("the message body is not a job offer");
        var errors = JobOfferRules.Validate(offer);
        if (errors.Count > 0) throw new InvalidDataException(JobOfferRules.Describe(errors));
        await dynamo.PutItemAsync(new PutItemRequest { TableName = table, Item = JobItems.ToItem(offer) }).ConfigureAwait(false);
    }
}
