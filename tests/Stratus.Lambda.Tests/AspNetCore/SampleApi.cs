using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stratus.Lambda.AspNetCore;
using Stratus.Lambda.Tests.Infrastructure;
using Xunit;

namespace Stratus.Lambda.Tests.AspNetCore;

public sealed record Job(string Id, string City);

/// <summary>
/// A minimal-API app hosted on the Lambda server, fed by a fake Runtime API: one per payload version, shared by the
/// tests of that version.
/// </summary>
public abstract class SampleApi : IAsyncLifetime
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0xFE];

    private readonly LambdaEventSource _source;
    private WebApplication? _app;

    protected SampleApi(LambdaEventSource source) => _source = source;

    public FakeRuntimeApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await FakeRuntimeApi.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddLambdaHosting(_source, options =>
        {
            options.Runtime.RuntimeApi = Api.Address;
            options.Runtime.Environment = RuntimeHarness.TestEnvironment();
            options.Runtime.LogOutput = TextWriter.Null;
            options.Runtime.SetTraceIdEnvironmentVariable = false;
        });
        _app = builder.Build();
        Map(_app);
        // Apps often pin a URL for local runs; on Lambda that must not stop them from starting.
        _app.Urls.Add("http://127.0.0.1:5999");
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Api.DisposeAsync();
    }

    private static void Map(WebApplication app)
    {
        app.MapGet("/v1/jobs/{id}", (string id, HttpContext http) => Results.Json(new
        {
            id,
            pathBase = http.Request.PathBase.Value,
            path = http.Request.Path.Value,
            q = http.Request.Query["q"].ToString(),
            tags = http.Request.Query["tag"].ToArray(),
            custom = http.Request.Headers["x-custom"].ToArray(),
            host = http.Request.Host.Value,
            remoteIp = http.Connection.RemoteIpAddress?.ToString(),
        }));
        app.MapPost("/v1/jobs", (Job job) => Results.Created($"/v1/jobs/{job.Id}", job));
        app.MapGet("/cookies", (HttpContext http) =>
        {
            http.Response.Cookies.Append("seen", http.Request.Cookies["session"] ?? "none");
            http.Response.Cookies.Append("theme", http.Request.Cookies["theme"] ?? "none", new CookieOptions { HttpOnly = true, Path = "/" });
            return Results.Text("ok");
        });
        app.MapGet("/binary", () => Results.Bytes(Png, "image/png"));
        app.MapPost("/echo", async (HttpRequest request) =>
        {
            using var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy);
            return Results.Bytes(copy.ToArray(), request.ContentType ?? "application/octet-stream");
        });
        app.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));
        app.MapGet("/throws", string () => throw new InvalidOperationException("boom"));
        app.MapGet("/multi", (HttpContext http) =>
        {
            http.Response.Headers.Append("x-multi", "one");
            http.Response.Headers.Append("x-multi", "two");
            return Results.NoContent();
        });
        app.MapGet("/wait", async (HttpContext http) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, http.RequestAborted);
                return Results.Text("never");
            }
            catch (OperationCanceledException)
            {
                return Results.Text("aborted at the deadline");
            }
        });
        app.MapGet("/whoami", (HttpContext http, ClaimsPrincipal user) => Results.Json(new
        {
            authenticated = user.Identity?.IsAuthenticated ?? false,
            sub = user.FindFirst("sub")?.Value,
            principal = user.FindFirst(ClaimTypes.NameIdentifier)?.Value,
            lambdaRequestId = http.GetLambdaContext()?.AwsRequestId,
            itemsRequestId = (http.Items[LambdaHttpContextExtensions.LambdaContextKey] as ILambdaContext)?.AwsRequestId,
            routeKey = http.GetHttpApiRequest()?.RouteKey,
            resource = http.GetRestApiRequest()?.Resource,
            traceIdentifier = http.TraceIdentifier,
        }));
    }
}

public sealed class HttpApiSample() : SampleApi(LambdaEventSource.HttpApi);

public sealed class RestApiSample() : SampleApi(LambdaEventSource.RestApi);
