using Amazon.DynamoDBv2.Model;

namespace Jobs.Core;

/// <summary>Maps job offers to and from items of the jobs table (hash key id, range key city; every column an attribute).</summary>
public static class JobItems
{
    public static Dictionary<string, AttributeValue> ToItem(JobOffer offer)
    {
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var (name, value) in JobOfferRules.Fields(offer))
        {
            if (!string.IsNullOrEmpty(value)) item[name] = new AttributeValue { S = value };
        }
        return item;
    }

    public static JobOffer FromItem(Dictionary<string, AttributeValue> item)
    {
        string? Get(string name) => item.TryGetValue(name, out var v) ? v.S : null;
        return new JobOffer
        {
            Id = Get("id") ?? "", City = Get("city") ?? "", CompanyName = Get("company_name") ?? "", Title = Get("title") ?? "",
            Url = Get("url"), ContractType = Get("contract_type"), CompanySector = Get("company_sector"),
            UserExperience = Get("user_experience"), Keyword = Get("keyword"), CreatedDate = Get("created_date"), Provider = Get("provider"),
        };
    }

    public static Dictionary<string, AttributeValue> Key(string id, string city) => new(StringComparer.Ordinal)
    {
        ["id"] = new AttributeValue { S = id },
        ["city"] = new AttributeValue { S = city },
    };
}
