using System.Text;
using Jobs.Core;
using Xunit;

namespace Jobs.Tests;

public sealed class JobOfferCsvTests
{
    private const string Header = "id,city,company_name,title,url,contract_type,company_sector,user_experience,keyword,created_date,provider";

    private static async Task<(List<JobOffer> Offers, List<RejectedRow> Rejected)> ReadAsync(TextReader reader)
    {
        var csv = new JobOfferCsv(reader);
        await csv.ReadHeaderAsync();
        var offers = new List<JobOffer>();
        var rejected = new List<RejectedRow>();
        while (await csv.ReadAsync() is { } row)
        {
            if (row.Offer is not null) offers.Add(row.Offer);
            else rejected.Add(row.Rejected!);
        }
        return (offers, rejected);
    }

    public static TheoryData<string, int> RealFiles => new()
    {
        { "bordeaux_job_offers.csv", 141 }, { "lyon_job_offers.csv", 252 }, { "nantes_job_offers.csv", 215 }, { "paris_job_offers.csv", 1000 },
    };

    /// <summary>The four real files, copied into the repository from ../shared/data/job_offers so CI has them.</summary>
    public static string DataDirectory()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "tests", "data", "job_offers", "paris_job_offers.csv"))) dir = Path.GetDirectoryName(dir);
        return dir is null ? throw new DirectoryNotFoundException("apps/jobs/tests/data/job_offers not found") : Path.Combine(dir, "tests", "data", "job_offers");
    }

    [Theory]
    [MemberData(nameof(RealFiles))]
    public async Task EveryRowOfTheRealFilesIsAnOffer(string file, int rows)
    {
        using var reader = new StreamReader(Path.Combine(DataDirectory(), file), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var (offers, rejected) = await ReadAsync(reader);
        Assert.Empty(rejected);
        Assert.Equal(rows, offers.Count);
        Assert.Equal(rows, offers.Select(o => o.Id).Distinct().Count());
    }

    [Fact]
    public async Task QuotedCommasSurviveInTheRealFiles()
    {
        using var reader = new StreamReader(Path.Combine(DataDirectory(), "lyon_job_offers.csv"));
        var (offers, _) = await ReadAsync(reader);
        Assert.Equal(7, offers.Count(o => o.UserExperience == "Master, Titre d'ingénieur, Bac +5"));
        Assert.All(offers, o => Assert.Equal("Lyon", o.City));
    }

    [Fact]
    public async Task InvalidRowsAreRejectedWithLineAndReason()
    {
        var text = "\uFEFF" + Header + "\r\n" +
            "\"a1\",\"Lyon\",\"ACME\",\"dev\",\"https://x.example/1\",\"cdi\",,,,,\r\n" +
            "\"a2\",\"\",\"ACME\",\"dev\",,,,,,,\r\n" +
            "\"a3\",\"Lyon\",\"ACME\"\r\n" +
            "\"a4\",\"Lyon\",\"ACME\",\"dev\",\"not a url\",,,,,,\r\n" +
            "\"a5\",\"Nantes\",\"Quote \"\"Co\"\", Ltd\",\"multi\nline title\",,,,,,,\r\n";
        var (offers, rejected) = await ReadAsync(new StringReader(text));
        Assert.Equal(["a1", "a5"], offers.Select(o => o.Id));
        Assert.Equal("Quote \"Co\", Ltd", offers[1].CompanyName);
        Assert.Equal("multi\nline title", offers[1].Title);
        Assert.Equal([3, 4, 5], rejected.Select(r => r.Line));
        Assert.Contains("city is required", rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("expected 11 fields, found 3", rejected[1].Reason, StringComparison.Ordinal);
        Assert.Contains("url", rejected[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHeaderWithoutRequiredColumnsIsRefused()
    {
        var csv = new JobOfferCsv(new StringReader("id,name\n1,x\n"));
        var error = await Assert.ThrowsAsync<CsvFormatException>(() => csv.ReadHeaderAsync());
        Assert.Contains("city", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiValidationRequiresContractTypeButNotId()
    {
        var errors = JobOfferRules.Validate(new JobOffer { City = "Paris", CompanyName = "ACME", Title = "dev" }, requireId: false, requireContractType: true);
        Assert.Equal(["contract_type"], errors.Keys);
    }
}
