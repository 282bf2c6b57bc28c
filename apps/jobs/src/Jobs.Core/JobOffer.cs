using System.Text.Json.Serialization;

namespace Jobs.Core;

/// <summary>A job offer: the columns of the job_offers CSV files, named as in their header.</summary>
public sealed record JobOffer
{
    public static readonly string[] Columns =
        ["id", "city", "company_name", "title", "url", "contract_type", "company_sector", "user_experience", "keyword", "created_date", "provider"];

    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("city")] public string City { get; init; } = "";
    [JsonPropertyName("company_name")] public string CompanyName { get; init; } = "";
    [JsonPropertyName("title")] public string Title { get; init; } = "";
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("contract_type")] public string? ContractType { get; init; }
    [JsonPropertyName("company_sector")] public string? CompanySector { get; init; }
    [JsonPropertyName("user_experience")] public string? UserExperience { get; init; }
    [JsonPropertyName("keyword")] public string? Keyword { get; init; }
    [JsonPropertyName("created_date")] public string? CreatedDate { get; init; }
    [JsonPropertyName("provider")] public string? Provider { get; init; }

    /// <summary>Builds an offer from a CSV row, given each column's position in the header.</summary>
    public static JobOffer FromRow(IReadOnlyList<string> fields, IReadOnlyDictionary<string, int> header)
    {
        string? Get(string column) => header.TryGetValue(column, out var i) && i < fields.Count && fields[i].Length > 0 ? fields[i] : null;
        return new JobOffer
        {
            Id = Get("id") ?? "", City = Get("city") ?? "", CompanyName = Get("company_name") ?? "", Title = Get("title") ?? "",
            Url = Get("url"), ContractType = Get("contract_type"), CompanySector = Get("company_sector"),
            UserExperience = Get("user_experience"), Keyword = Get("keyword"), CreatedDate = Get("created_date"), Provider = Get("provider"),
        };
    }
}

/// <summary>A CSV row that was not turned into a job, and why.</summary>
public sealed record RejectedRow(
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("fields")] IReadOnlyList<string> Fields);

/// <summary>The rejects file written beside an uploaded CSV (job_offers/rejected/&lt;file&gt;.json).</summary>
public sealed record RejectsReport(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("accepted")] int Accepted,
    [property: JsonPropertyName("rejected")] IReadOnlyList<RejectedRow> Rejected);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JobOffer))]
[JsonSerializable(typeof(RejectsReport))]
public sealed partial class JobsJsonContext : JsonSerializerContext;
