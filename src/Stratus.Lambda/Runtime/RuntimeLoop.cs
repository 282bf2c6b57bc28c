using System.Buffers;
using System.Net;

namespace Stratus.Lambda.Runtime;

/// <summary>
/// The event loop of an execution environment: next, handle, respond, again, one event at a time. A handler's
/// exception becomes an error document for that event and the loop carries on; a broken Runtime API ends the loop
/// (the environment is unusable and Lambda replaces it).
/// </summary>
internal sealed class RuntimeLoop : IDisposable
{
    private readonly RuntimeApiClient _client;
    private readonly LambdaEnvironment _environment;
    private readonly LambdaConsoleLogger _logger;
    private readonly TimeProvider _time;
    private readonly bool _exportTraceId;
    private readonly PayloadBuffer _payload = new();
    private readonly ArrayBufferWriter<byte> _response = new(16 * 1024);
    private readonly (TextWriter Out, TextWriter Error)? _originalConsole;

    public RuntimeLoop(LambdaRuntimeOptions? options)
    {
        _environment = options?.Environment ?? LambdaEnvironment.FromProcess();
        var runtimeApi = options?.RuntimeApi ?? _environment.RuntimeApi
            ?? throw new InvalidOperationException("AWS_LAMBDA_RUNTIME_API is not set: this process is not running inside a Lambda execution environment.");
        _time = options?.TimeProvider ?? TimeProvider.System;
        _exportTraceId = options?.SetTraceIdEnvironmentVariable ?? true;
        _logger = new LambdaConsoleLogger(options?.LogOutput ?? Console.Out, _environment, _time);
        _client = new RuntimeApiClient(runtimeApi);
        if (options?.RedirectConsole ?? options?.LogOutput is null)
        {
            _originalConsole = (Console.Out, Console.Error);
            Console.SetOut(TextWriter.Synchronized(new ConsoleLogWriter(_logger, LambdaLogLevel.Information)));
            Console.SetError(TextWriter.Synchronized(new ConsoleLogWriter(_logger, LambdaLogLevel.Error)));
        }
    }

    public async Task RunAsync(Func<LambdaInvocation, Task> handler, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var next = await _client.NextAsync(_payload, cancellationToken).ConfigureAwait(false);
                await HandleAsync(next, handler, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is not a failure, whether it interrupts the long poll or a post.
        }
    }

    public async Task ReportInitErrorAsync(LambdaErrorResponse error, CancellationToken cancellationToken)
    {
        _logger.Log(LambdaLogLevel.Error, $"Init error: {error.ErrorType}: {error.ErrorMessage}");
        await _client.PostInitErrorAsync(error, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (_originalConsole is var (output, error))
        {
            Console.Out.Flush();
            Console.Error.Flush();
            Console.SetOut(output);
            Console.SetError(error);
        }

        _client.Dispose();
    }

    private async Task HandleAsync(NextInvocation next, Func<LambdaInvocation, Task> handler, CancellationToken cancellationToken)
    {
        if (_exportTraceId)
        {
            Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", next.TraceId);
        }

        _logger.RequestId = next.RequestId;
        _logger.TraceId = next.TraceId;
        _response.ResetWrittenCount();
        var context = new LambdaContext(next, _environment, _logger, _time);
        LambdaErrorResponse? error = null;
        try
        {
            await handler(new LambdaInvocation(context, _payload, _response)).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Any handler failure is the function's error for this event, never the runtime's end.
            _logger.Log(LambdaLogLevel.Error, "Invocation failed", exception);
            error = LambdaErrorResponse.FromException(exception);
        }

        try
        {
            var status = error is null
                ? await _client.PostResponseAsync(next.RequestId, _response.WrittenMemory, cancellationToken).ConfigureAwait(false)
                : await _client.PostErrorAsync(next.RequestId, error, cancellationToken).ConfigureAwait(false);
            if (status == HttpStatusCode.RequestEntityTooLarge)
            {
                _logger.Log(LambdaLogLevel.Error, $"The response of {_response.WrittenCount} bytes exceeds the Lambda payload limit.");
            }
            else if ((int)status >= 300)
            {
                _logger.Log(LambdaLogLevel.Warning, $"The Runtime API answered {(int)status} to the result of {next.RequestId}.");
            }
        }
        finally
        {
            _logger.RequestId = null;
            _logger.TraceId = null;
        }
    }
}
