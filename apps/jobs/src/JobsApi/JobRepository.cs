using System.Buffers.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Jobs.Core;

namespace Jobs.Api;

/// <summary>Filters of GET /v1/jobs; any may be null.</summary>
public sealed record JobFilter(string? City, string? Keyword, string? ContractType);

/// <summary>
/// Jobs in the table (hash key id, range key city; a city-index GSI for listing by city). Listing is paginated
/// with DynamoDB's own LastEvaluatedKey, made opaque: never a whole-table read per request.
/// </summary>
public sealed class JobRepository(IAmazonDynamoDB dynamo, string table, string cityIndex)
{
    private const int MaxPagesPerRequest = 20;

    public async Task<(List<JobOffer> Items, string? Next)> ListAsync(JobFilter filter, int limit, string? next, CancellationToken cancellationToken)
    {
        var start = next is null ? null : DecodeToken(next);
        var items = new List<JobOffer>(limit);
        for (var page = 0; page < MaxPagesPerRequest && items.Count < limit; page++)
        {
            var (found, lastKey) = await PageAsync(filter, limit - items.Count, start, cancellationToken);
            items.AddRange(found);
            start = lastKey;
            if (start is null) break;
        }
        return (items, start is null ? null : EncodeToken(start));
    }

    private async Task<(IEnumerable<JobOffer>, Dictionary<string, AttributeValue>?)> PageAsync(
        JobFilter filter, int limit, Dictionary<string, AttributeValue>? start, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>();
        var values = new Dictionary<string, AttributeValue>();
        var conditions = new List<string>();
        if (filter.Keyword is not null)
        {
            names["#k"] = "keyword";
            values[":k"] = new AttributeValue { S = filter.Keyword };
            conditions.Add("contains(#k, :k)");
        }
        if (filter.ContractType is not null)
        {
            names["#t"] = "contract_type";
            values[":t"] = new AttributeValue { S = filter.ContractType };
            conditions.Add("#t = :t");
        }
        var filterExpression = conditions.Count == 0 ? null : string.Join(" AND ", conditions);
        if (filter.City is not null)
        {
            names["#c"] = "city";
            values[":c"] = new AttributeValue { S = filter.City };
            var response = await dynamo.QueryAsync(new QueryRequest
            {
                TableName = table, IndexName = cityIndex, KeyConditionExpression = "#c = :c", FilterExpression = filterExpression,
                ExpressionAttributeNames = names, ExpressionAttributeValues = values, Limit = limit, ExclusiveStartKey = start,
            }, cancellationToken);
            return (response.Items.Select(JobItems.FromItem), LastKey(response.LastEvaluatedKey));
        }
        var scan = await dynamo.ScanAsync(new ScanRequest
        {
            TableName = table, FilterExpression = filterExpression, ExpressionAttributeNames = names.Count == 0 ? null : names,
            ExpressionAttributeValues = values.Count == 0 ? null : values, Limit = limit, ExclusiveStartKey = start,
        }, cancellationToken);
        return (scan.Items.Select(JobItems.FromItem), LastKey(scan.LastEvaluatedKey));
    }

    private static Dictionary<string, AttributeValue>? LastKey(Dictionary<string, AttributeValue>? key) => key is { Count: > 0 } ? key : null;

    public async Task<JobOffer?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await ItemsWithIdAsync(id, cancellationToken)).Select(JobItems.FromItem).FirstOrDefault();

    public Task CreateAsync(JobOffer offer, CancellationToken cancellationToken) =>
        dynamo.PutItemAsync(new PutItemRequest
        {
            TableName = table, Item = JobItems.ToItem(offer), ConditionExpression = "attribute_not_exists(id)",
        }, cancellationToken);

    /// <summary>Replaces a job; when its city (the range key) changes, the old item goes in the same transaction.</summary>
    public async Task<JobOffer?> ReplaceAsync(JobOffer offer, CancellationToken cancellationToken)
    {
        var existing = await ItemsWithIdAsync(offer.Id, cancellationToken);
        if (existing.Count == 0) return null;
        var actions = new List<TransactWriteItem> { new() { Put = new Put { TableName = table, Item = JobItems.ToItem(offer) } } };
        foreach (var old in existing.Where(item => item["city"].S != offer.City))
        {
            actions.Add(new TransactWriteItem { Delete = new Delete { TableName = table, Key = JobItems.Key(offer.Id, old["city"].S) } });
        }
        await dynamo.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = actions }, cancellationToken);
        return offer;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var existing = await ItemsWithIdAsync(id, cancellationToken);
        foreach (var item in existing)
        {
            await dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = table, Key = JobItems.Key(id, item["city"].S) }, cancellationToken);
        }
        return existing.Count > 0;
    }

    private async Task<List<Dictionary<string, AttributeValue>>> ItemsWithIdAsync(string id, CancellationToken cancellationToken)
    {
        var response = await dynamo.QueryAsync(new QueryRequest
        {
            TableName = table, KeyConditionExpression = "id = :id",
            ExpressionAttributeValues = new() { [":id"] = new AttributeValue { S = id } }, ConsistentRead = true,
        }, cancellationToken);
        return response.Items ?? [];
    }

    private static string EncodeToken(Dictionary<string, AttributeValue> key) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key.ToDictionary(p => p.Key, p => p.Value.S), ApiJsonContext.Default.DictionaryStringString));

    private static Dictionary<string, AttributeValue> DecodeToken(string token)
    {
        try
        {
            var key = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(token), ApiJsonContext.Default.DictionaryStringString);
            if (key is null || key.Count is 0 or > 4 || key.Values.Any(v => v is null)) throw new FormatException("bad token");
            return key.ToDictionary(p => p.Key, p => new AttributeValue { S = p.Value });
        }
        catch (JsonException e)
        {
            throw new FormatException("bad token", e);
        }
    }
}
