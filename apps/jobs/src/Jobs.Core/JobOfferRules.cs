namespace Jobs.Core;

/// <summary>What makes a job offer acceptable, for CSV rows and for the API alike.</summary>
public static class JobOfferRules
{
    public const int MaxFieldLength = 2048;

    /// <summary>The columns a CSV header must have for rows to be read at all.</summary>
    public static readonly string[] RequiredColumns = ["id", "city", "company_name", "title"];

    /// <summary>Field errors of an offer (empty when valid), keyed by the field's JSON name.</summary>
    public static Dictionary<string, string> Validate(JobOffer offer, bool requireId = true, bool requireContractType = false)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        void Required(string name, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) errors[name] = "is required";
        }
        if (requireId) Required("id", offer.Id);
        Required("city", offer.City);
        Required("company_name", offer.CompanyName);
        Required("title", offer.Title);
        if (requireContractType) Required("contract_type", offer.ContractType);
        if (offer.Id.Length > 128) errors["id"] = "must be at most 128 characters";
        // The published files write a missing URL as the literal NULL; anything else must be a web address.
        if (offer.Url is { } url && url != "NULL" && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            errors["url"] = "must be an absolute http(s) URL";
        }
        foreach (var (name, value) in Fields(offer))
        {
            if (value is { Length: > MaxFieldLength }) errors[name] = $"must be at most {MaxFieldLength} characters";
        }
        return errors;
    }

    public static IEnumerable<(string Name, string? Value)> Fields(JobOffer o) =>
    [
        ("id", o.Id), ("city", o.City), ("company_name", o.CompanyName), ("title", o.Title), ("url", o.Url),
        ("contract_type", o.ContractType), ("company_sector", o.CompanySector), ("user_experience", o.UserExperience),
        ("keyword", o.Keyword), ("created_date", o.CreatedDate), ("provider", o.Provider),
    ];

    public static string Describe(Dictionary<string, string> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Key} {e.Value}"));
}
