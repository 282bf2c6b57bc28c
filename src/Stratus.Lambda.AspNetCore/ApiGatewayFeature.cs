using Microsoft.AspNetCore.Http;
using Stratus.Lambda.Events;

namespace Stratus.Lambda.AspNetCore;

/// <summary>
/// The Lambda invocation behind the current HTTP request: <c>HttpContext.Features.Get&lt;IApiGatewayFeature&gt;()</c>.
/// The same objects are in HttpContext.Items under "LambdaContext" and "LambdaRequestObject", the keys AWS's own
/// adapter uses.
/// </summary>
public interface IApiGatewayFeature
{
    /// <summary>The invocation's Lambda context.</summary>
    ILambdaContext LambdaContext { get; }

    /// <summary>The HTTP API event, when the source is <see cref="LambdaEventSource.HttpApi"/>.</summary>
    APIGatewayHttpApiV2ProxyRequest? HttpApiRequest { get; }

    /// <summary>The REST API event, when the source is <see cref="LambdaEventSource.RestApi"/>.</summary>
    APIGatewayProxyRequest? RestApiRequest { get; }
}

internal sealed class ApiGatewayFeature(ILambdaContext context, object request) : IApiGatewayFeature
{
    public ILambdaContext LambdaContext { get; } = context;

    public APIGatewayHttpApiV2ProxyRequest? HttpApiRequest { get; } = request as APIGatewayHttpApiV2ProxyRequest;

    public APIGatewayProxyRequest? RestApiRequest { get; } = request as APIGatewayProxyRequest;
}

/// <summary>Shortcuts to the Lambda invocation behind an <see cref="HttpContext"/>.</summary>
public static class LambdaHttpContextExtensions
{
    /// <summary>Items key of the <see cref="ILambdaContext"/>.</summary>
    public const string LambdaContextKey = "LambdaContext";

    /// <summary>Items key of the API Gateway event object.</summary>
    public const string LambdaRequestObjectKey = "LambdaRequestObject";

    /// <summary>The invocation's Lambda context, or null when the app is not running on Lambda.</summary>
    public static ILambdaContext? GetLambdaContext(this HttpContext httpContext) =>
        httpContext.Features.Get<IApiGatewayFeature>()?.LambdaContext;

    /// <summary>The HTTP API (payload 2.0) event, or null.</summary>
    public static APIGatewayHttpApiV2ProxyRequest? GetHttpApiRequest(this HttpContext httpContext) =>
        httpContext.Features.Get<IApiGatewayFeature>()?.HttpApiRequest;

    /// <summary>The REST API (payload 1.0) event, or null.</summary>
    public static APIGatewayProxyRequest? GetRestApiRequest(this HttpContext httpContext) =>
        httpContext.Features.Get<IApiGatewayFeature>()?.RestApiRequest;
}
