using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Stratus.Protocols;
using Stratus.Protocols.SigV4;

namespace Stratus.Server.Edge;

/// <summary>
/// The AWS edge: identifies the caller (account from a 12-digit access key id, region from the credential scope),
/// checks the signature, finds the service and hands it the request; any failure becomes the AWS error in the
/// request's protocol, never a 404 or an unhandled 500.
/// </summary>
internal sealed partial class AwsEdge
{
    private readonly ServiceRouter _router;
    private readonly SigV4Authenticator _authenticator;
    private readonly string _defaultAccount;
    private readonly string _defaultRegion;
    private readonly ILogger _logger;

    public AwsEdge(ServiceRouter router, SigV4Authenticator authenticator, string defaultAccount, string defaultRegion, ILogger logger)
    {
        _router = router;
        _authenticator = authenticator;
        _defaultAccount = defaultAccount;
        _defaultRegion = defaultRegion;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var requestId = RequestIds.New();
        var signature = SigV4Request.Parse(http.Request);
        var route = _router.Route(http.Request, signature);
        string? operation = null;
        try
        {
            if (route.Service is null) throw UnknownService(route);
            var failure = await _authenticator.CheckAsync(http.Request, signature).ConfigureAwait(false);
            if (failure is not null) throw AuthErrors.For(failure, route.Protocol);
            var request = new EdgeRequest
            {
                Http = http,
                RequestId = requestId,
                AccountId = AccountOf(signature),
                Region = signature?.Region is { Length: > 0 } region ? region : _defaultRegion,
                Protocol = route.Protocol,
                AccessKeyId = signature?.AccessKeyId,
                TargetOperation = route.TargetOperation,
            };
            try
            {
                await route.Service.HandleAsync(request).ConfigureAwait(false);
            }
            finally
            {
                operation = request.Operation;
            }
        }
        catch (AwsServiceException error) when (!http.Response.HasStarted)
        {
            await ErrorWriter.WriteAsync(http, route.Protocol, error, requestId).ConfigureAwait(false);
        }
        catch (Exception e) when (!http.Response.HasStarted && e is not OperationCanceledException)
        {
            LogUnhandled(e, route.Service?.Name ?? "-", operation ?? "-");
            await ErrorWriter.WriteAsync(http, route.Protocol, AwsServiceException.Internal("We encountered an internal error. Please try again."), requestId).ConfigureAwait(false);
        }
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            LogRequest(route.Service?.Name ?? "-", operation ?? route.TargetOperation ?? "-", http.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private string AccountOf(SigV4Request? signature)
    {
        var key = signature?.AccessKeyId;
        return key is { Length: 12 } && key.All(char.IsAsciiDigit) ? key : _defaultAccount;
    }

    private static AwsServiceException UnknownService(RouteResult route) => route.Protocol switch
    {
        WireProtocol.Query => new AwsServiceException("InvalidAction", "The action or operation requested is invalid. Verify that the action is typed correctly."),
        _ => new AwsServiceException("UnknownOperationException", "The requested service or operation is not served by Stratus."),
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Service} {Operation} {Status} {Milliseconds:F2} ms")]
    private partial void LogRequest(string service, string operation, int status, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Service} {Operation} failed unexpectedly")]
    private partial void LogUnhandled(Exception exception, string service, string operation);
}
