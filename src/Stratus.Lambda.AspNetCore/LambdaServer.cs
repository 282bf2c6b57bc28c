using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Stratus.Lambda.AspNetCore;

/// <summary>
/// The <see cref="IServer"/> that replaces Kestrel inside a Lambda execution environment: it opens no socket; requests
/// come from the Runtime API as API Gateway events and go back as integration responses.
/// </summary>
public sealed class LambdaServer : IServer
{
    private readonly LambdaHostingOptions _options;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>Creates the server (resolved from DI by the host).</summary>
    public LambdaServer(LambdaHostingOptions options, IHostApplicationLifetime? lifetime = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _lifetime = lifetime;
        _logger = (ILogger?)loggerFactory?.CreateLogger<LambdaServer>() ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Holds an addresses feature although nothing listens, so that apps calling <c>app.Run(url)</c> or
    /// <c>app.Urls.Add(...)</c> for local runs still start on Lambda.
    /// </remarks>
    public IFeatureCollection Features { get; } = CreateFeatures();

    /// <inheritdoc />
    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        ArgumentNullException.ThrowIfNull(application);
        IApiGatewayEventAdapter adapter = _options.EventSource == LambdaEventSource.RestApi ? new RestApiAdapter() : new HttpApiV2Adapter();
        var processor = new LambdaHttpProcessor<TContext>(application, adapter, _logger);
        _loop = RunAsync(processor.ProcessAsync);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host gave up waiting; the loop ends with the process.
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();

    private static FeatureCollection CreateFeatures()
    {
        var features = new FeatureCollection();
        features.Set<IServerAddressesFeature>(new ServerAddressesFeature());
        return features;
    }

    private async Task RunAsync(Func<LambdaInvocation, Task> handler)
    {
        // Off the host's start-up path: StartAsync returns while the loop long-polls.
        await Task.Yield();
        try
        {
            await LambdaRuntime.RunAsync(handler, _options.Runtime, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The Runtime API is gone: the environment is finished, so is the app.
            _logger.LogCritical(exception, "The Lambda runtime loop failed.");
            _lifetime?.StopApplication();
        }
    }
}
