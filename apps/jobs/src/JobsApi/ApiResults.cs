using System.Text.Json.Serialization;

namespace Jobs.Api;

/// <summary>The JSON error bodies of the API: a message, and field errors for invalid input.</summary>
public sealed record ApiError(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("errors")] Dictionary<string, string>? Errors = null);

public sealed record JobPage(
    [property: JsonPropertyName("items")] IReadOnlyList<Jobs.Core.JobOffer> Items,
    [property: JsonPropertyName("next")] string? Next);

public sealed record Health([property: JsonPropertyName("status")] string Status);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(JobPage))]
[JsonSerializable(typeof(Health))]
[JsonSerializable(typeof(Jobs.Core.JobOffer))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class ApiJsonContext : JsonSerializerContext;

public static class ApiResults
{
    public static IResult NotFound(string message) => Results.Json(new ApiError(message), ApiJsonContext.Default.ApiError, statusCode: 404);

    public static IResult BadRequest(string message, Dictionary<string, string>? errors = null) =>
        Results.Json(new ApiError(message, errors), ApiJsonContext.Default.ApiError, statusCode: 400);

    /// <summary>A JSON body for statuses set without one (unknown routes, wrong methods).</summary>
    public static IResult Status(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var message = status switch
        {
            404 => $"no route matches {context.Request.Method} {context.Request.Path}",
            405 => $"{context.Request.Method} is not allowed on {context.Request.Path}",
            _ => $"request failed with status {status}",
        };
        return Results.Json(new ApiError(message), ApiJsonContext.Default.ApiError, statusCode: status);
    }

    public static IResult InternalError() =>
        Results.Json(new ApiError("internal error"), ApiJsonContext.Default.ApiError, statusCode: 500);
}
