using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Stratus.Lambda.Tests.Infrastructure;

/// <summary>
/// A Lambda Runtime API on 127.0.0.1:ephemeral, in the test process: invocations are queued for /next and the
/// runtime's responses, errors and init errors are recorded, so a runtime can be driven end to end.
/// </summary>
public sealed class FakeRuntimeApi : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";
    private readonly Channel<QueuedInvocation> _queue = Channel.CreateUnbounded<QueuedInvocation>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<InvocationOutcome>> _pending = new();
    private readonly TaskCompletionSource<InvocationOutcome> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly WebApplication _app;
    private int _nextCalls;

    private FakeRuntimeApi(WebApplication app) => _app = app;

    /// <summary>host:port, the value of AWS_LAMBDA_RUNTIME_API.</summary>
    public string Address { get; private set; } = "";

    /// <summary>How many /next requests arrived so far (a runtime that is ready for more has made one more than it served).</summary>
    public int NextCalls => Volatile.Read(ref _nextCalls);

    public static async Task<FakeRuntimeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeRuntimeApi(app);
        fake.MapRoutes(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.Address = new Uri(address).Authority;
        return fake;
    }

    /// <summary>Queues an event; the task completes when the runtime posts its response or error.</summary>
    public Task<InvocationOutcome> InvokeAsync(string payload, InvocationHeaders? headers = null) =>
        InvokeAsync(Encoding.UTF8.GetBytes(payload), headers);

    public Task<InvocationOutcome> InvokeAsync(byte[] payload, InvocationHeaders? headers = null)
    {
        headers ??= new InvocationHeaders();
        var outcome = new TaskCompletionSource<InvocationOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[headers.RequestId] = outcome;
        _queue.Writer.TryWrite(new QueuedInvocation(payload, headers));
        return outcome.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>Completes when the runtime posts /init/error.</summary>
    public Task<InvocationOutcome> InitErrorAsync() => _initError.Task.WaitAsync(TimeSpan.FromSeconds(20));

    public bool HasInitError => _initError.Task.IsCompleted;

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stopTimeout.Token);
        await _app.DisposeAsync();
    }

    private void MapRoutes(WebApplication app)
    {
        app.MapGet(Prefix + "/invocation/next", NextAsync);
        app.MapPost(Prefix + "/invocation/{id}/response", (string id, HttpContext context) => RecordAsync(id, context, isError: false));
        app.MapPost(Prefix + "/invocation/{id}/error", (string id, HttpContext context) => RecordAsync(id, context, isError: true));
        app.MapPost(Prefix + "/init/error", async (HttpContext context) =>
        {
            var body = await ReadBodyAsync(context.Request);
            _initError.TrySetResult(new InvocationOutcome("", true, body, context.Request.Headers["Lambda-Runtime-Function-Error-Type"].ToString()));
            return Results.Accepted(value: new { status = "OK" });
        });
    }

    private async Task NextAsync(HttpContext context)
    {
        Interlocked.Increment(ref _nextCalls);
        QueuedInvocation invocation;
        try
        {
            invocation = await _queue.Reader.ReadAsync(context.RequestAborted);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        var headers = invocation.Headers;
        var response = context.Response;
        response.Headers["Lambda-Runtime-Aws-Request-Id"] = headers.RequestId;
        response.Headers["Lambda-Runtime-Deadline-Ms"] = headers.DeadlineMs.ToString(CultureInfo.InvariantCulture);
        response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = headers.FunctionArn;
        SetIfPresent(response, "Lambda-Runtime-Trace-Id", headers.TraceId);
        SetIfPresent(response, "Lambda-Runtime-Client-Context", headers.ClientContext);
        SetIfPresent(response, "Lambda-Runtime-Cognito-Identity", headers.CognitoIdentity);
        response.ContentType = "application/json";
        response.ContentLength = invocation.Payload.Length;
        await response.Body.WriteAsync(invocation.Payload);
    }

    private async Task<IResult> RecordAsync(string id, HttpContext context, bool isError)
    {
        var body = await ReadBodyAsync(context.Request);
        if (!_pending.TryRemove(id, out var outcome))
        {
            return Results.BadRequest(new { errorMessage = "Invalid request ID", errorType = "InvalidRequestID" });
        }

        var errorType = context.Request.Headers["Lambda-Runtime-Function-Error-Type"].ToString();
        outcome.TrySetResult(new InvocationOutcome(id, isError, body, errorType.Length == 0 ? null : errorType));
        return Results.Accepted(value: new { status = "OK" });
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static void SetIfPresent(HttpResponse response, string name, string? value)
    {
        if (value is not null)
        {
            response.Headers[name] = value;
        }
    }

    private sealed record QueuedInvocation(byte[] Payload, InvocationHeaders Headers);
}

/// <summary>The Lambda-Runtime-* headers of one queued invocation.</summary>
public sealed class InvocationHeaders
{
    public string RequestId { get; init; } = Guid.NewGuid().ToString();

    public long DeadlineMs { get; init; } = DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeMilliseconds();

    public string FunctionArn { get; init; } = "arn:aws:lambda:us-east-1:000000000000:function:test";

    public string? TraceId { get; init; }

    public string? ClientContext { get; init; }

    public string? CognitoIdentity { get; init; }
}

/// <summary>What the runtime posted for an invocation (or for init).</summary>
public sealed record InvocationOutcome(string RequestId, bool IsError, string Body, string? ErrorTypeHeader);
