namespace Stratus.Lambda.Tests.Infrastructure;

/// <summary>
/// A fake Runtime API plus one in-process runtime loop pointed at it; disposing stops the loop and checks that it
/// ended cleanly (a loop that died early would have failed the test's invocations anyway).
/// </summary>
public sealed class RuntimeHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    private RuntimeHarness(FakeRuntimeApi api, LambdaRuntimeOptions options)
    {
        Api = api;
        Options = options;
    }

    public FakeRuntimeApi Api { get; }

    public LambdaRuntimeOptions Options { get; }

    public StringWriter Log { get; } = new();

    public CancellationToken Stopping => _stop.Token;

    public static async Task<RuntimeHarness> StartAsync(LambdaEnvironment? environment = null, TimeProvider? time = null)
    {
        var api = await FakeRuntimeApi.StartAsync();
        var options = new LambdaRuntimeOptions
        {
            RuntimeApi = api.Address,
            Environment = environment ?? TestEnvironment(),
            TimeProvider = time,
            // Several loops share this process: only the test about _X_AMZN_TRACE_ID turns the export on.
            SetTraceIdEnvironmentVariable = false,
        };
        var harness = new RuntimeHarness(api, options);
        options.LogOutput = TextWriter.Synchronized(harness.Log);
        return harness;
    }

    public static LambdaEnvironment TestEnvironment(LambdaLogFormat format = LambdaLogFormat.Text) => new()
    {
        FunctionName = "orders",
        FunctionVersion = "7",
        MemoryLimitInMB = 256,
        LogGroupName = "/aws/lambda/orders",
        LogStreamName = "2026/11/23/[7]abcdef",
        LogFormat = format,
    };

    /// <summary>Starts <paramref name="run"/> (one of the LambdaRuntime.Run* calls) in the background.</summary>
    public void Run(Func<LambdaRuntimeOptions, CancellationToken, Task> run) =>
        _loop = Task.Run(() => run(Options, _stop.Token));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            await Api.DisposeAsync();
            _stop.Dispose();
        }
    }
}

/// <summary>A clock that stands still, for exact remaining-time assertions.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
