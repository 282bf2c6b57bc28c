using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Stratus.Lambda.AspNetCore;

/// <summary>Which API Gateway integration the function sits behind, i.e. which event payload it receives.</summary>
public enum LambdaEventSource
{
    /// <summary>An HTTP API with payload format 2.0.</summary>
    HttpApi,
    /// <summary>A REST API Lambda proxy integration (payload format 1.0; also an HTTP API set to 1.0).</summary>
    RestApi,
}

/// <summary>Settings of the Lambda server.</summary>
public sealed class LambdaHostingOptions
{
    /// <summary>The event payload the function receives.</summary>
    public LambdaEventSource EventSource { get; set; } = LambdaEventSource.HttpApi;

    /// <summary>
    /// The runtime loop's settings. Setting <see cref="LambdaRuntimeOptions.RuntimeApi"/> enables Lambda hosting even
    /// without AWS_LAMBDA_RUNTIME_API (tests do this).
    /// </summary>
    public LambdaRuntimeOptions Runtime { get; } = new();
}

/// <summary>Registration of the Lambda server.</summary>
public static class LambdaHostingServiceCollectionExtensions
{
    /// <summary>
    /// Serves the app's requests from API Gateway events when the process runs in a Lambda execution environment
    /// (AWS_LAMBDA_RUNTIME_API is set), replacing Kestrel; otherwise does nothing, so <c>dotnet run</c> still serves
    /// HTTP with Kestrel.
    /// </summary>
    public static IServiceCollection AddLambdaHosting(
        this IServiceCollection services,
        LambdaEventSource eventSource,
        Action<LambdaHostingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new LambdaHostingOptions { EventSource = eventSource };
        configure?.Invoke(options);
        options.Runtime.RuntimeApi ??= Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
        if (string.IsNullOrEmpty(options.Runtime.RuntimeApi))
        {
            return services;
        }

        services.RemoveAll<IServer>();
        services.AddSingleton(options);
        services.AddSingleton<IServer, LambdaServer>();
        return services;
    }
}
