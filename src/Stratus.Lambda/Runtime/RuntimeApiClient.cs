using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Stratus.Lambda.Runtime;

/// <summary>
/// The HTTP side of the Lambda Runtime API, version 2018-06-01
/// (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html). One HttpClient for the process; no timeout,
/// because /next long-polls for as long as the environment stays idle.
/// </summary>
internal sealed class RuntimeApiClient : IDisposable
{
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";
    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    private readonly HttpClient _http;
    private readonly string _runtimeBase;

    public RuntimeApiClient(string hostAndPort)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostAndPort);
        var handler = new SocketsHttpHandler
        {
            // The Runtime API is on the local host: a proxy from the function's environment must never apply.
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            // A warm environment can sit in /next for minutes; keep its one connection.
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _runtimeBase = $"http://{hostAndPort}/2018-06-01/runtime/";
    }

    /// <summary>GET /runtime/invocation/next: waits for an event and reads its payload into <paramref name="payload"/>.</summary>
    public async Task<NextInvocation> NextAsync(PayloadBuffer payload, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _runtimeBase + "invocation/next");
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // 403 and 500 mean the environment is unusable: AWS says the runtime should exit promptly.
            throw new HttpRequestException($"The Runtime API answered {(int)response.StatusCode} to /invocation/next.", null, response.StatusCode);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await payload.ReadFromAsync(stream, response.Content.Headers.ContentLength, cancellationToken).ConfigureAwait(false);
        }

        var headers = response.Headers;
        var requestId = Header(headers, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new HttpRequestException("The Runtime API sent an invocation without Lambda-Runtime-Aws-Request-Id.");
        _ = long.TryParse(Header(headers, "Lambda-Runtime-Deadline-Ms"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var deadline);
        return new NextInvocation(
            requestId,
            deadline,
            Header(headers, "Lambda-Runtime-Invoked-Function-Arn") ?? "",
            Header(headers, "Lambda-Runtime-Trace-Id"),
            Header(headers, "Lambda-Runtime-Client-Context"),
            Header(headers, "Lambda-Runtime-Cognito-Identity"));
    }

    /// <summary>POST /runtime/invocation/{id}/response. Returns the HTTP status the Runtime API answered.</summary>
    public async Task<HttpStatusCode> PostResponseAsync(string requestId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(body);
        return await PostAsync($"invocation/{Uri.EscapeDataString(requestId)}/response", content, errorType: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POST /runtime/invocation/{id}/error with the error document and Lambda-Runtime-Function-Error-Type.</summary>
    public Task<HttpStatusCode> PostErrorAsync(string requestId, LambdaErrorResponse error, CancellationToken cancellationToken) =>
        PostErrorDocumentAsync($"invocation/{Uri.EscapeDataString(requestId)}/error", error, cancellationToken);

    /// <summary>POST /runtime/init/error: the function could not start; the runtime exits afterwards.</summary>
    public Task<HttpStatusCode> PostInitErrorAsync(LambdaErrorResponse error, CancellationToken cancellationToken) =>
        PostErrorDocumentAsync("init/error", error, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<HttpStatusCode> PostErrorDocumentAsync(string path, LambdaErrorResponse error, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(error, RuntimeJsonContext.Default.LambdaErrorResponse);
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = s_json;
        return await PostAsync(path, content, error.ErrorType, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpStatusCode> PostAsync(string path, HttpContent content, string? errorType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _runtimeBase + path) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation(ErrorTypeHeader, errorType);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.InternalServerError)
        {
            // "Container error. Non-recoverable state. Runtime should exit promptly."
            throw new HttpRequestException($"The Runtime API answered 500 to {path}.", null, response.StatusCode);
        }

        return response.StatusCode;
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
