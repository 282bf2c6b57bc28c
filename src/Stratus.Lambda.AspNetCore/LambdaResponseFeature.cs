using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Stratus.Lambda.AspNetCore;

/// <summary>
/// The response of one buffered request. Nothing reaches the client before the app is done, so the response never
/// "starts" early: OnStarting callbacks (cookie and header writers) run once, just before the response is turned into
/// the integration's JSON, and error handlers may still replace a half-written response.
/// </summary>
internal sealed class LambdaResponseFeature : IHttpResponseFeature
{
    private List<(Func<object, Task> Callback, object State)>? _onStarting;
    private List<(Func<object, Task> Callback, object State)>? _onCompleted;

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public string? ReasonPhrase { get; set; }

    public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

    [Obsolete("Use IHttpResponseBodyFeature.Stream instead.")]
    public Stream Body { get; set; } = Stream.Null;

    public bool HasStarted { get; private set; }

    public void OnStarting(Func<object, Task> callback, object state) => (_onStarting ??= []).Add((callback, state));

    public void OnCompleted(Func<object, Task> callback, object state) => (_onCompleted ??= []).Add((callback, state));

    /// <summary>Runs the OnStarting callbacks, last registered first, as Kestrel does.</summary>
    public async Task StartAsync()
    {
        if (HasStarted)
        {
            return;
        }

        HasStarted = true;
        await RunReversedAsync(_onStarting).ConfigureAwait(false);
    }

    public Task CompleteAsync() => RunReversedAsync(_onCompleted);

    /// <summary>Forgets what the app set, for the 500 that replaces an unhandled exception.</summary>
    public void Reset(int statusCode)
    {
        StatusCode = statusCode;
        ReasonPhrase = null;
        Headers.Clear();
    }

    private static async Task RunReversedAsync(List<(Func<object, Task> Callback, object State)>? callbacks)
    {
        if (callbacks is null)
        {
            return;
        }

        for (var i = callbacks.Count - 1; i >= 0; i--)
        {
            await callbacks[i].Callback(callbacks[i].State).ConfigureAwait(false);
        }
    }
}
