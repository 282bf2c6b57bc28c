using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.Extensions.Logging;

namespace Stratus.Lambda.AspNetCore;

/// <summary>
/// Serves one invocation through the ASP.NET Core pipeline, in memory: event → features → app → response JSON.
/// </summary>
internal sealed class LambdaHttpProcessor<TContext>(IHttpApplication<TContext> application, IApiGatewayEventAdapter adapter, ILogger logger)
    where TContext : notnull
{
    public async Task ProcessAsync(LambdaInvocation invocation)
    {
        var request = adapter.ReadRequest(invocation.Payload.Span);
        // Without a usable deadline header the request simply never aborts; Lambda's own timeout still applies.
        var remaining = invocation.Context.RemainingTime;
        using var deadline = remaining > TimeSpan.Zero ? new CancellationTokenSource(remaining) : new CancellationTokenSource();
        var responseBody = new MemoryStream();
        var response = new LambdaResponseFeature();
        var bodyFeature = new StreamResponseBodyFeature(responseBody);
        var features = CreateFeatures(request, invocation.Context, response, bodyFeature, deadline.Token);

        var context = application.CreateContext(features);
        Exception? failure = null;
        try
        {
            await application.ProcessRequestAsync(context).ConfigureAwait(false);
            await response.StartAsync().ConfigureAwait(false);
            await bodyFeature.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // As Kestrel does for an exception that escapes the app: log it and answer an empty 500.
            failure = exception;
            logger.LogError(exception, "An unhandled exception was thrown by the application.");
            response.Reset(StatusCodes.Status500InternalServerError);
            responseBody.SetLength(0);
        }

        var body = failure is null ? responseBody.GetBuffer().AsSpan(0, (int)responseBody.Length) : [];
        adapter.WriteResponse(invocation, response.StatusCode, response.Headers, body);
        await response.CompleteAsync().ConfigureAwait(false);
        application.DisposeContext(context, failure);
    }

    private static FeatureCollection CreateFeatures(
        LambdaHttpRequest request,
        ILambdaContext lambdaContext,
        LambdaResponseFeature response,
        IHttpResponseBodyFeature responseBody,
        CancellationToken aborted)
    {
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Protocol = request.Protocol,
            Scheme = request.Scheme,
            Method = request.Method,
            PathBase = request.PathBase.Value ?? "",
            Path = request.Path.Value ?? "/",
            QueryString = request.QueryString.Value ?? "",
            RawTarget = request.RawTarget,
            Headers = request.Headers,
            Body = new MemoryStream(request.Body, writable: false),
        });
        features.Set<IHttpRequestBodyDetectionFeature>(new BodyDetection(request.Body.Length > 0));
        features.Set<IHttpResponseFeature>(response);
        features.Set(responseBody);
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature
        {
            ConnectionId = request.TraceIdentifier ?? lambdaContext.AwsRequestId,
            RemoteIpAddress = request.RemoteIpAddress,
        });
        features.Set<IHttpRequestIdentifierFeature>(new HttpRequestIdentifierFeature { TraceIdentifier = request.TraceIdentifier ?? lambdaContext.AwsRequestId });
        // The request is abandoned when the invocation's time runs out.
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = aborted });
        features.Set<IItemsFeature>(new ItemsFeature
        {
            Items =
            {
                [LambdaHttpContextExtensions.LambdaContextKey] = lambdaContext,
                [LambdaHttpContextExtensions.LambdaRequestObjectKey] = request.Event,
            },
        });
        features.Set<IApiGatewayFeature>(new ApiGatewayFeature(lambdaContext, request.Event));
        if (request.User is not null)
        {
            features.Set<IHttpAuthenticationFeature>(new HttpAuthenticationFeature { User = request.User });
        }

        return features;
    }

    private sealed class BodyDetection(bool canHaveBody) : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody { get; } = canHaveBody;
    }
}
