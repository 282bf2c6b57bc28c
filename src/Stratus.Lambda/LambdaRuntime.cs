using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Stratus.Lambda.Runtime;

namespace Stratus.Lambda;

/// <summary>
/// Runs a function's event loop against the Lambda Runtime API. A console app's Main ends with one of these calls;
/// the same executable is a <c>provided.al2023</c> function on AWS and on Stratus.
/// </summary>
/// <example><code>
/// await LambdaRuntime.RunAsync(async (Order order, ILambdaContext context) => new Receipt(order.Id),
///     AppJson.Default.Order, AppJson.Default.Receipt);
/// </code></example>
public static class LambdaRuntime
{
    /// <summary>Serves events of type <typeparamref name="TIn"/> with a handler returning <typeparamref name="TOut"/>.</summary>
    public static Task RunAsync<TIn, TOut>(
        Func<TIn, ILambdaContext, Task<TOut>> handler,
        JsonTypeInfo<TIn> input,
        JsonTypeInfo<TOut> output,
        LambdaRuntimeOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        return RunAsync(
            async invocation =>
            {
                var request = Deserialize(invocation.Payload, input);
                var result = await handler(request, invocation.Context).ConfigureAwait(false);
                Serialize(invocation, result, output);
            },
            options,
            cancellationToken);
    }

    /// <summary>Serves events of type <typeparamref name="TIn"/> with a handler that returns nothing (an empty response).</summary>
    public static Task RunAsync<TIn>(
        Func<TIn, ILambdaContext, Task> handler,
        JsonTypeInfo<TIn> input,
        LambdaRuntimeOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(input);
        return RunAsync(invocation => handler(Deserialize(invocation.Payload, input), invocation.Context), options, cancellationToken);
    }

    /// <summary>Serves raw payloads as streams; a null result is an empty response.</summary>
    public static Task RunStreamAsync(
        Func<Stream, ILambdaContext, Task<Stream?>> handler,
        LambdaRuntimeOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return RunAsync(
            async invocation =>
            {
                using var payload = invocation.OpenPayloadStream();
                var result = await handler(payload, invocation.Context).ConfigureAwait(false);
                if (result is not null)
                {
                    await using (result.ConfigureAwait(false))
                    {
                        await result.CopyToAsync(invocation.ResponseStream).ConfigureAwait(false);
                    }
                }
            },
            options,
            cancellationToken);
    }

    /// <summary>Serves raw payloads as bytes; the input memory is only valid until the handler's task completes.</summary>
    public static Task RunBytesAsync(
        Func<ReadOnlyMemory<byte>, ILambdaContext, Task<ReadOnlyMemory<byte>>> handler,
        LambdaRuntimeOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return RunAsync(
            async invocation =>
            {
                var result = await handler(invocation.Payload, invocation.Context).ConfigureAwait(false);
                invocation.Response.Write(result.Span);
            },
            options,
            cancellationToken);
    }

    /// <summary>
    /// The loop every other overload is built on: the handler reads <see cref="LambdaInvocation.Payload"/> and writes
    /// <see cref="LambdaInvocation.Response"/>. Runs until <paramref name="cancellationToken"/> is cancelled or the
    /// Runtime API fails.
    /// </summary>
    public static async Task RunAsync(
        Func<LambdaInvocation, Task> handler,
        LambdaRuntimeOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        using var loop = new RuntimeLoop(options);
        await loop.RunAsync(handler, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reports a failed initialisation (POST /runtime/init/error). Lambda then fails the pending invoke with this error;
    /// the caller should exit the process afterwards, as AWS runtimes do.
    /// </summary>
    public static Task ReportInitErrorAsync(Exception exception, LambdaRuntimeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return ReportInitErrorAsync(LambdaErrorResponse.FromException(exception), options, cancellationToken);
    }

    /// <summary>Reports a failed initialisation with a hand-built error document.</summary>
    public static async Task ReportInitErrorAsync(LambdaErrorResponse error, LambdaRuntimeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var loop = new RuntimeLoop(options);
        await loop.ReportInitErrorAsync(error, cancellationToken).ConfigureAwait(false);
    }

    private static T Deserialize<T>(ReadOnlyMemory<byte> payload, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(payload.Span, typeInfo)!;
        }
        catch (JsonException exception)
        {
            // Worded as AWS's serializer words it, so callers see the same error on both platforms.
            throw new JsonSerializerException($"Error converting the Lambda event JSON payload to type {typeof(T).FullName}: {exception.Message}", exception);
        }
    }

    private static void Serialize<T>(LambdaInvocation invocation, T value, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            using var writer = new Utf8JsonWriter(invocation.Response);
            JsonSerializer.Serialize(writer, value, typeInfo);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            throw new JsonSerializerException($"Error converting the response object of type {typeof(T).FullName} from the Lambda function to JSON: {exception.Message}", exception);
        }
    }
}
