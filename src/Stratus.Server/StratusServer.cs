using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stratus.Protocols;
using Stratus.Protocols.Hosting;
using Stratus.Protocols.SigV4;
using Stratus.Server.Edge;
using Stratus.Storage;

namespace Stratus.Server;

/// <summary>
/// One Stratus cloud: every service behind one HTTP endpoint. Built the same way by the CLI and by tests.
/// </summary>
public sealed class StratusServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StratusStorage _storage;
    private bool _stopped;

    private StratusServer(WebApplication app, StratusStorage storage, ServiceHost host, IReadOnlyList<IAwsService> services)
    {
        _app = app;
        _storage = storage;
        Host = host;
        Services = services;
    }

    public ServiceHost Host { get; }
    public IReadOnlyList<IAwsService> Services { get; }
    public Uri Endpoint => Host.Endpoint;

    public static async Task<StratusServer> StartAsync(StratusServerOptions options, CancellationToken cancellationToken = default)
    {
        var loggerFactory = options.LoggerFactory ?? Microsoft.Extensions.Logging.LoggerFactory.Create(b => b
            .SetMinimumLevel(options.LogLevel)
            .AddFilter("Microsoft", options.LogLevel == LogLevel.Trace ? LogLevel.Trace : LogLevel.Warning)
            .AddSimpleConsole(c => { c.SingleLine = true; c.TimestampFormat = "HH:mm:ss.fff "; }));
        var storage = options.Ephemeral ? StratusStorage.InMemory() : StratusStorage.OnDisk(options.DataDirectory);
        try
        {
            var host = new ServiceHost(storage, options.Time, loggerFactory)
            {
                DefaultAccountId = options.AccountId,
                DefaultRegion = options.Region,
                WorkPath = Path.Combine(storage.DataPath ?? Path.Combine(Path.GetTempPath(), "stratus-" + Environment.ProcessId), "work"),
            };
            var services = ServiceCatalog.Create(host);
            foreach (var service in services) await service.StartAsync().ConfigureAwait(false);
            var app = BuildApp(options, loggerFactory, host, services, storage);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            host.Endpoint = ListeningUri(app, options);
            return new StratusServer(app, storage, host, services);
        }
        catch
        {
            await storage.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static WebApplication BuildApp(StratusServerOptions options, ILoggerFactory loggerFactory, ServiceHost host,
        IReadOnlyList<IAwsService> services, StratusStorage storage)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
        builder.Logging.ClearProviders();
        // Stratus is configured by its options only: no appsettings.json from the working directory, no file watchers.
        builder.Configuration.Sources.Clear();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // S3 streams objects up to 5 GiB; every other service caps its own body size.
            kestrel.Limits.MaxRequestBodySize = 5L * 1024 * 1024 * 1024 + 1024 * 1024;
            kestrel.Limits.MinRequestBodyDataRate = null;
            void Configure(ListenOptions listen) => listen.Protocols = HttpProtocols.Http1;
            if (options.Host == "localhost") kestrel.ListenLocalhost(options.Port, Configure);
            else kestrel.Listen(IPAddress.Parse(options.Host), options.Port, Configure);
        });
        var app = builder.Build();
        var credentials = new CredentialStore();
        if (options.Auth == AuthMode.Strict)
        {
            if (options.CredentialsFile is not null) credentials.LoadIni(options.CredentialsFile);
            credentials.LoadEnvironment();
        }
        var edge = new AwsEdge(new ServiceRouter(services), new SigV4Authenticator(options.Auth, credentials, options.Time),
            options.AccountId, options.Region, loggerFactory.CreateLogger("Stratus.Edge"));
        var endpoints = new StratusEndpoints(services, storage, options.Time);
        app.Run(http =>
        {
            if (endpoints.Matches(http.Request)) return endpoints.HandleAsync(http);
            foreach (var route in host.DataPlaneRoutes)
            {
                if (route.Matches(http)) return route.HandleAsync(http);
            }
            return edge.HandleAsync(http);
        });
        return app;
    }

    private static Uri ListeningUri(WebApplication app, StratusServerOptions options)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal)).Port;
        var host = options.Host is "0.0.0.0" or "::" ? "127.0.0.1" : options.Host;
        return new Uri($"http://{host}:{port}");
    }

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await _app.StopAsync().ConfigureAwait(false);
        await Host.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _storage.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
