using System.Text.Json.Serialization;

namespace Stratus.Lambda.Events;

/// <summary>
/// The event a REST API (and an HTTP API with payload format 1.0) sends to a Lambda proxy integration
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html). WebSocket
/// APIs send the same shape with the WebSocket members of <see cref="ProxyRequestContext"/> filled in.
/// </summary>
public sealed class APIGatewayProxyRequest
{
    /// <summary>The resource path template, e.g. <c>/jobs/{id}</c>.</summary>
    [JsonPropertyName("resource")] public string? Resource { get; set; }

    /// <summary>The request path, without the stage.</summary>
    [JsonPropertyName("path")] public string? Path { get; set; }

    /// <summary>The HTTP method.</summary>
    [JsonPropertyName("httpMethod")] public string? HttpMethod { get; set; }

    /// <summary>Headers, the last value of each.</summary>
    [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; set; }

    /// <summary>Headers with every value.</summary>
    [JsonPropertyName("multiValueHeaders")] public Dictionary<string, List<string>>? MultiValueHeaders { get; set; }

    /// <summary>Query parameters, the last value of each.</summary>
    [JsonPropertyName("queryStringParameters")] public Dictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>Query parameters with every value.</summary>
    [JsonPropertyName("multiValueQueryStringParameters")] public Dictionary<string, List<string>>? MultiValueQueryStringParameters { get; set; }

    /// <summary>The resource's path parameters.</summary>
    [JsonPropertyName("pathParameters")] public Dictionary<string, string>? PathParameters { get; set; }

    /// <summary>The stage's variables.</summary>
    [JsonPropertyName("stageVariables")] public Dictionary<string, string>? StageVariables { get; set; }

    /// <summary>Details of the request as API Gateway saw it.</summary>
    [JsonPropertyName("requestContext")] public ProxyRequestContext? RequestContext { get; set; }

    /// <summary>The body, base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")] public string? Body { get; set; }

    /// <summary>Whether <see cref="Body"/> is base64.</summary>
    [JsonPropertyName("isBase64Encoded")] public bool IsBase64Encoded { get; set; }
}

/// <summary>The requestContext of a payload 1.0 or WebSocket event.</summary>
public sealed class ProxyRequestContext
{
    /// <summary>The API owner's account.</summary>
    [JsonPropertyName("accountId")] public string? AccountId { get; set; }

    /// <summary>The API id.</summary>
    [JsonPropertyName("apiId")] public string? ApiId { get; set; }

    /// <summary>What the method's authorizer established (Cognito claims, or a Lambda authorizer's context).</summary>
    [JsonPropertyName("authorizer")] public ProxyRequestAuthorizer? Authorizer { get; set; }

    /// <summary>The host the client called.</summary>
    [JsonPropertyName("domainName")] public string? DomainName { get; set; }

    /// <summary>The first label of <see cref="DomainName"/>.</summary>
    [JsonPropertyName("domainPrefix")] public string? DomainPrefix { get; set; }

    /// <summary>API Gateway's extended request id.</summary>
    [JsonPropertyName("extendedRequestId")] public string? ExtendedRequestId { get; set; }

    /// <summary>The HTTP method.</summary>
    [JsonPropertyName("httpMethod")] public string? HttpMethod { get; set; }

    /// <summary>Who called.</summary>
    [JsonPropertyName("identity")] public ProxyRequestIdentity? Identity { get; set; }

    /// <summary>The full path as called, with the stage on the default endpoint.</summary>
    [JsonPropertyName("path")] public string? Path { get; set; }

    /// <summary>e.g. <c>HTTP/1.1</c>.</summary>
    [JsonPropertyName("protocol")] public string? Protocol { get; set; }

    /// <summary>API Gateway's request id.</summary>
    [JsonPropertyName("requestId")] public string? RequestId { get; set; }

    /// <summary>The request time in CLF format.</summary>
    [JsonPropertyName("requestTime")] public string? RequestTime { get; set; }

    /// <summary>The request time in epoch milliseconds.</summary>
    [JsonPropertyName("requestTimeEpoch")] public long? RequestTimeEpoch { get; set; }

    /// <summary>The resource id.</summary>
    [JsonPropertyName("resourceId")] public string? ResourceId { get; set; }

    /// <summary>The resource path template.</summary>
    [JsonPropertyName("resourcePath")] public string? ResourcePath { get; set; }

    /// <summary>The stage.</summary>
    [JsonPropertyName("stage")] public string? Stage { get; set; }

    /// <summary>WebSocket: the connection the message came on; post back to it through @connections.</summary>
    [JsonPropertyName("connectionId")] public string? ConnectionId { get; set; }

    /// <summary>WebSocket: the selected route, e.g. <c>$connect</c>, <c>$default</c> or <c>sendmessage</c>.</summary>
    [JsonPropertyName("routeKey")] public string? RouteKey { get; set; }

    /// <summary>WebSocket: CONNECT, MESSAGE or DISCONNECT.</summary>
    [JsonPropertyName("eventType")] public string? EventType { get; set; }

    /// <summary>WebSocket: the message id (MESSAGE events).</summary>
    [JsonPropertyName("messageId")] public string? MessageId { get; set; }

    /// <summary>WebSocket: <c>IN</c>.</summary>
    [JsonPropertyName("messageDirection")] public string? MessageDirection { get; set; }

    /// <summary>WebSocket: when the connection was opened, epoch milliseconds.</summary>
    [JsonPropertyName("connectedAt")] public long? ConnectedAt { get; set; }

    /// <summary>WebSocket: the close status code (DISCONNECT events).</summary>
    [JsonPropertyName("disconnectStatusCode")] public int? DisconnectStatusCode { get; set; }

    /// <summary>WebSocket: the close reason (DISCONNECT events).</summary>
    [JsonPropertyName("disconnectReason")] public string? DisconnectReason { get; set; }
}

/// <summary>requestContext.identity.</summary>
public sealed class ProxyRequestIdentity
{
    /// <summary>The access key of an IAM caller.</summary>
    [JsonPropertyName("accessKey")] public string? AccessKey { get; set; }

    /// <summary>The caller's account.</summary>
    [JsonPropertyName("accountId")] public string? AccountId { get; set; }

    /// <summary>The API key used, when the method requires one.</summary>
    [JsonPropertyName("apiKey")] public string? ApiKey { get; set; }

    /// <summary>The id of the API key used.</summary>
    [JsonPropertyName("apiKeyId")] public string? ApiKeyId { get; set; }

    /// <summary>The caller's principal.</summary>
    [JsonPropertyName("caller")] public string? Caller { get; set; }

    /// <summary>mTLS client certificate.</summary>
    [JsonPropertyName("clientCert")] public ClientCertificateDescription? ClientCert { get; set; }

    /// <summary>Cognito authentication provider.</summary>
    [JsonPropertyName("cognitoAuthenticationProvider")] public string? CognitoAuthenticationProvider { get; set; }

    /// <summary>Cognito authentication type.</summary>
    [JsonPropertyName("cognitoAuthenticationType")] public string? CognitoAuthenticationType { get; set; }

    /// <summary>Cognito identity id.</summary>
    [JsonPropertyName("cognitoIdentityId")] public string? CognitoIdentityId { get; set; }

    /// <summary>Cognito identity pool id.</summary>
    [JsonPropertyName("cognitoIdentityPoolId")] public string? CognitoIdentityPoolId { get; set; }

    /// <summary>The caller's organization.</summary>
    [JsonPropertyName("principalOrgId")] public string? PrincipalOrgId { get; set; }

    /// <summary>The client's IP address.</summary>
    [JsonPropertyName("sourceIp")] public string? SourceIp { get; set; }

    /// <summary>The IAM user.</summary>
    [JsonPropertyName("user")] public string? User { get; set; }

    /// <summary>The User-Agent header.</summary>
    [JsonPropertyName("userAgent")] public string? UserAgent { get; set; }

    /// <summary>The IAM user's ARN.</summary>
    [JsonPropertyName("userArn")] public string? UserArn { get; set; }
}
