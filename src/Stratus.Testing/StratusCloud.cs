using Amazon.Runtime;
using Stratus.Server;

namespace Stratus.Testing;

/// <summary>
/// A throwaway Stratus cloud for tests: in memory, on a free port of 127.0.0.1, with helpers that point AWS SDK
/// clients at it.
/// <code>
/// await using var cloud = await StratusCloud.StartAsync();
/// using var sqs = new AmazonSQSClient(cloud.Credentials, cloud.Configure(new AmazonSQSConfig()));
/// </code>
/// </summary>
public sealed class StratusCloud : IAsyncDisposable
{
    private StratusCloud(StratusServer server) => Server = server;

    public StratusServer Server { get; }

    public Uri Endpoint => Server.Endpoint;

    /// <summary>Dummy credentials; Stratus accepts any unless started with strict authentication.</summary>
    public AWSCredentials Credentials { get; } = new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    public string Region => "us-east-1";

    public static async Task<StratusCloud> StartAsync(Action<StratusServerOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var options = new StratusServerOptions { Port = 0, Ephemeral = true };
        configure?.Invoke(options);
        return new StratusCloud(await StratusServer.StartAsync(options, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Points an SDK client configuration at this cloud.</summary>
    public TConfig Configure<TConfig>(TConfig config) where TConfig : ClientConfig
    {
        ArgumentNullException.ThrowIfNull(config);
        config.ServiceURL = Endpoint.ToString().TrimEnd('/');
        config.AuthenticationRegion = Region;
        config.MaxErrorRetry = 0;
        config.Timeout = TimeSpan.FromSeconds(60);
        return config;
    }

    /// <summary>Wipes all state, as between test cases.</summary>
    public async Task ResetAsync()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(Endpoint, "/_stratus/reset"), null).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync().ConfigureAwait(false);
}
