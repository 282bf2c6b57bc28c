using System.Text.Json;
using Jobs.Core;

namespace Jobs.Api;

/// <summary>The routes of /v1: health, and jobs listed, read, created, replaced and deleted.</summary>
public static class JobsEndpoints
{
    public static void Map(WebApplication app)
    {
        var v1 = app.MapGroup("/v1");
        v1.MapGet("/health", () => Results.Json(new Health("ok"), ApiJsonContext.Default.Health));
        v1.MapGet("/jobs", ListAsync);
        v1.MapGet("/jobs/{id}", GetAsync);
        v1.MapPost("/jobs", CreateAsync);
        v1.MapPut("/jobs/{id}", ReplaceAsync);
        v1.MapDelete("/jobs/{id}", DeleteAsync);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, JobRepository jobs, CancellationToken cancellationToken)
    {
        var query = request.Query;
        var limit = 20;
        if (query.TryGetValue("limit", out var rawLimit) && (!int.TryParse(rawLimit, out limit) || limit is < 1 or > 100))
        {
            return ApiResults.BadRequest("invalid query", new() { ["limit"] = "must be an integer between 1 and 100" });
        }
        var filter = new JobFilter(Text(query["city"]), Text(query["keyword"]), Text(query["contract_type"]));
        try
        {
            var page = await jobs.ListAsync(filter, limit, Text(query["next"]), cancellationToken);
            return Results.Json(new JobPage(page.Items, page.Next), ApiJsonContext.Default.JobPage);
        }
        catch (FormatException)
        {
            return ApiResults.BadRequest("invalid query", new() { ["next"] = "is not a token this API returned" });
        }
    }

    private static async Task<IResult> GetAsync(string id, JobRepository jobs, CancellationToken cancellationToken) =>
        await jobs.FindAsync(id, cancellationToken) is { } job
            ? Results.Json(job, ApiJsonContext.Default.JobOffer)
            : ApiResults.NotFound($"job {id} not found");

    private static async Task<IResult> CreateAsync(HttpRequest request, JobRepository jobs, CancellationToken cancellationToken)
    {
        var (offer, error) = await ReadOfferAsync(request, cancellationToken);
        if (error is not null) return error;
        var created = offer! with { Id = Guid.NewGuid().ToString("N") };
        await jobs.CreateAsync(created, cancellationToken);
        return new CreatedResult($"{request.PathBase}/v1/jobs/{created.Id}", Results.Json(created, ApiJsonContext.Default.JobOffer, statusCode: 201));
    }

    private static async Task<IResult> ReplaceAsync(string id, HttpRequest request, JobRepository jobs, CancellationToken cancellationToken)
    {
        var (offer, error) = await ReadOfferAsync(request, cancellationToken);
        if (error is not null) return error;
        var replaced = await jobs.ReplaceAsync(offer! with { Id = id }, cancellationToken);
        return replaced is null ? ApiResults.NotFound($"job {id} not found") : Results.Json(replaced, ApiJsonContext.Default.JobOffer);
    }

    private static async Task<IResult> DeleteAsync(string id, JobRepository jobs, CancellationToken cancellationToken) =>
        await jobs.DeleteAsync(id, cancellationToken) ? Results.NoContent() : ApiResults.NotFound($"job {id} not found");

    private static async Task<(JobOffer? Offer, IResult? Error)> ReadOfferAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JobOffer? offer;
        try
        {
            offer = await JsonSerializer.DeserializeAsync(request.Body, JobsJsonContext.Default.JobOffer, cancellationToken);
        }
        catch (JsonException)
        {
            return (null, ApiResults.BadRequest("the request body is not a valid JSON job offer"));
        }
        if (offer is null) return (null, ApiResults.BadRequest("the request body is not a valid JSON job offer"));
        var errors = JobOfferRules.Validate(offer, requireId: false, requireContractType: true);
        return errors.Count > 0 ? (null, ApiResults.BadRequest("invalid job", errors)) : (offer, null);
    }

    private static string? Text(Microsoft.Extensions.Primitives.StringValues value) => value.Count > 0 && value[0] is { Length: > 0 } s ? s : null;

    /// <summary>201 Created with a Location header and the created job as the body.</summary>
    private sealed class CreatedResult(string location, IResult body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return body.ExecuteAsync(httpContext);
        }
    }
}
