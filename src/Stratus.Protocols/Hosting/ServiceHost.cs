using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Stratus.Storage;

namespace Stratus.Protocols.Hosting;

/// <summary>
/// What every service receives from the server: storage, clock, logging, the defaults of the cloud, the other
/// services' APIs (services talk to each other only through those), and a place to run background work.
/// </summary>
public sealed class ServiceHost
{
    private readonly Dictionary<Type, object> _apis = new();
    private readonly List<IDataPlaneRoute> _dataPlane = [];
    private readonly List<Task> _background = [];
    private readonly CancellationTokenSource _stopping = new();

    public ServiceHost(StratusStorage storage, TimeProvider time, ILoggerFactory? logging = null)
    {
        Storage = storage;
        Time = time;
        Logging = logging ?? NullLoggerFactory.Instance;
    }

    public StratusStorage Storage { get; }
    public TimeProvider Time { get; }
    public ILoggerFactory Logging { get; }
    public string DefaultAccountId { get; init; } = "000000000000";
    public string DefaultRegion { get; init; } = "us-east-1";

    /// <summary>The server's base URL (e.g. http://127.0.0.1:4566), known once it listens.</summary>
    public Uri Endpoint { get; set; } = new("http://localhost:4566");

    /// <summary>The folder Stratus keeps per-run working files in (function code, runtimes); not user data.</summary>
    public string WorkPath { get; init; } = Path.Combine(Path.GetTempPath(), "stratus");

    public CancellationToken Stopping => _stopping.Token;

    public IReadOnlyList<IDataPlaneRoute> DataPlaneRoutes => _dataPlane;

    /// <summary>Publishes a service's API so other services can call it (by its generated base type).</summary>
    public void Publish<TApi>(TApi api) where TApi : class => _apis[typeof(TApi)] = api;

    /// <summary>Another service's API; throws when that service is not part of this server.</summary>
    public TApi Api<TApi>() where TApi : class =>
        _apis.TryGetValue(typeof(TApi), out var api) ? (TApi)api : throw new InvalidOperationException($"{typeof(TApi).Name} is not registered");

    public TApi? TryApi<TApi>() where TApi : class => _apis.TryGetValue(typeof(TApi), out var api) ? (TApi)api : null;

    public void AddDataPlane(IDataPlaneRoute route) => _dataPlane.Add(route);

    /// <summary>Runs a loop until the server stops; failures are logged, never silently lost.</summary>
    public void RunBackground(string name, Func<CancellationToken, Task> loop)
    {
        var logger = Logging.CreateLogger("Stratus.Background");
        lock (_background)
        {
            _background.Add(Task.Run(async () =>
            {
                try
                {
                    await loop(_stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                {
                }
                catch (Exception e)
                {
                    logger.LogError(e, "background task {Name} failed", name);
                }
            }));
        }
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] running;
        lock (_background) running = _background.ToArray();
        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}

/// <summary>A route served before the AWS edge (Runtime API, execute-api, S3 websites).</summary>
public interface IDataPlaneRoute
{
    bool Matches(HttpContext http);

    Task HandleAsync(HttpContext http);
}
