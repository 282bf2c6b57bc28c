using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stratus.Lambda.Events;

/// <summary>
/// The event an HTTP API sends with payload format 2.0
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
/// Headers are lower-cased with repeated values comma-joined; cookies arrive separately.
/// </summary>
public sealed class APIGatewayHttpApiV2ProxyRequest
{
    /// <summary>Always <c>2.0</c>.</summary>
    [JsonPropertyName("version")] public string? Version { get; set; }

    /// <summary>The matched route, e.g. <c>GET /v1/jobs</c> or <c>$default</c>.</summary>
    [JsonPropertyName("routeKey")] public string? RouteKey { get; set; }

    /// <summary>The path as requested, still percent-encoded, including the stage for a named stage.</summary>
    [JsonPropertyName("rawPath")] public string? RawPath { get; set; }

    /// <summary>The query string without the leading '?'.</summary>
    [JsonPropertyName("rawQueryString")] public string? RawQueryString { get; set; }

    /// <summary>The request's cookies, one <c>name=value</c> per entry.</summary>
    [JsonPropertyName("cookies")] public List<string>? Cookies { get; set; }

    /// <summary>Lower-cased header names; repeated headers comma-joined.</summary>
    [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; set; }

    /// <summary>Decoded query parameters; repeated parameters comma-joined.</summary>
    [JsonPropertyName("queryStringParameters")] public Dictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>The route's path parameters, e.g. <c>proxy</c> for <c>{proxy+}</c>.</summary>
    [JsonPropertyName("pathParameters")] public Dictionary<string, string>? PathParameters { get; set; }

    /// <summary>The stage's variables.</summary>
    [JsonPropertyName("stageVariables")] public Dictionary<string, string>? StageVariables { get; set; }

    /// <summary>Details of the request as API Gateway saw it.</summary>
    [JsonPropertyName("requestContext")] public HttpApiV2RequestContext? RequestContext { get; set; }

    /// <summary>The body, base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")] public string? Body { get; set; }

    /// <summary>Whether <see cref="Body"/> is base64.</summary>
    [JsonPropertyName("isBase64Encoded")] public bool IsBase64Encoded { get; set; }
}

/// <summary>The requestContext of a payload 2.0 event.</summary>
public sealed class HttpApiV2RequestContext
{
    /// <summary>The API owner's account.</summary>
    [JsonPropertyName("accountId")] public string? AccountId { get; set; }

    /// <summary>The API id.</summary>
    [JsonPropertyName("apiId")] public string? ApiId { get; set; }

    /// <summary>mTLS details, when the domain requires client certificates.</summary>
    [JsonPropertyName("authentication")] public HttpApiV2Authentication? Authentication { get; set; }

    /// <summary>What the route's authorizer established.</summary>
    [JsonPropertyName("authorizer")] public HttpApiV2Authorizer? Authorizer { get; set; }

    /// <summary>The host the client called.</summary>
    [JsonPropertyName("domainName")] public string? DomainName { get; set; }

    /// <summary>The first label of <see cref="DomainName"/>.</summary>
    [JsonPropertyName("domainPrefix")] public string? DomainPrefix { get; set; }

    /// <summary>Method, path, protocol, source IP and user agent.</summary>
    [JsonPropertyName("http")] public HttpApiV2HttpDescription? Http { get; set; }

    /// <summary>API Gateway's request id.</summary>
    [JsonPropertyName("requestId")] public string? RequestId { get; set; }

    /// <summary>The matched route.</summary>
    [JsonPropertyName("routeKey")] public string? RouteKey { get; set; }

    /// <summary>The stage, <c>$default</c> for the default stage.</summary>
    [JsonPropertyName("stage")] public string? Stage { get; set; }

    /// <summary>The request time in CLF format, e.g. <c>12/Mar/2020:19:03:58 +0000</c>.</summary>
    [JsonPropertyName("time")] public string? Time { get; set; }

    /// <summary>The request time in epoch milliseconds.</summary>
    [JsonPropertyName("timeEpoch")] public long TimeEpoch { get; set; }
}

/// <summary>requestContext.http.</summary>
public sealed class HttpApiV2HttpDescription
{
    /// <summary>The HTTP method.</summary>
    [JsonPropertyName("method")] public string? Method { get; set; }

    /// <summary>The request path.</summary>
    [JsonPropertyName("path")] public string? Path { get; set; }

    /// <summary>e.g. <c>HTTP/1.1</c>.</summary>
    [JsonPropertyName("protocol")] public string? Protocol { get; set; }

    /// <summary>The client's IP address.</summary>
    [JsonPropertyName("sourceIp")] public string? SourceIp { get; set; }

    /// <summary>The User-Agent header.</summary>
    [JsonPropertyName("userAgent")] public string? UserAgent { get; set; }
}

/// <summary>requestContext.authorizer: one member per authorizer kind.</summary>
public sealed class HttpApiV2Authorizer
{
    /// <summary>A JWT authorizer's validated claims and scopes.</summary>
    [JsonPropertyName("jwt")] public HttpApiV2JwtDescription? Jwt { get; set; }

    /// <summary>The context a Lambda authorizer returned.</summary>
    [JsonPropertyName("lambda")] public Dictionary<string, JsonElement>? Lambda { get; set; }

    /// <summary>The caller of an IAM-authorized route.</summary>
    [JsonPropertyName("iam")] public HttpApiV2IamDescription? Iam { get; set; }
}

/// <summary>requestContext.authorizer.jwt.</summary>
public sealed class HttpApiV2JwtDescription
{
    /// <summary>The token's claims, each as a string.</summary>
    [JsonPropertyName("claims")] public Dictionary<string, string>? Claims { get; set; }

    /// <summary>The token's scopes.</summary>
    [JsonPropertyName("scopes")] public List<string>? Scopes { get; set; }
}

/// <summary>requestContext.authorizer.iam.</summary>
public sealed class HttpApiV2IamDescription
{
    /// <summary>The access key used.</summary>
    [JsonPropertyName("accessKey")] public string? AccessKey { get; set; }

    /// <summary>The caller's account.</summary>
    [JsonPropertyName("accountId")] public string? AccountId { get; set; }

    /// <summary>The caller id.</summary>
    [JsonPropertyName("callerId")] public string? CallerId { get; set; }

    /// <summary>The caller's organization.</summary>
    [JsonPropertyName("principalOrgId")] public string? PrincipalOrgId { get; set; }

    /// <summary>The caller's ARN.</summary>
    [JsonPropertyName("userArn")] public string? UserArn { get; set; }

    /// <summary>The caller's user id.</summary>
    [JsonPropertyName("userId")] public string? UserId { get; set; }
}

/// <summary>requestContext.authentication (mutual TLS).</summary>
public sealed class HttpApiV2Authentication
{
    /// <summary>The client certificate.</summary>
    [JsonPropertyName("clientCert")] public ClientCertificateDescription? ClientCert { get; set; }
}

/// <summary>A client certificate as API Gateway describes it.</summary>
public sealed class ClientCertificateDescription
{
    /// <summary>The PEM.</summary>
    [JsonPropertyName("clientCertPem")] public string? ClientCertPem { get; set; }

    /// <summary>The subject.</summary>
    [JsonPropertyName("subjectDN")] public string? SubjectDN { get; set; }

    /// <summary>The issuer.</summary>
    [JsonPropertyName("issuerDN")] public string? IssuerDN { get; set; }

    /// <summary>The serial number.</summary>
    [JsonPropertyName("serialNumber")] public string? SerialNumber { get; set; }

    /// <summary>The validity window.</summary>
    [JsonPropertyName("validity")] public ClientCertificateValidity? Validity { get; set; }
}

/// <summary>A certificate's validity window.</summary>
public sealed class ClientCertificateValidity
{
    /// <summary>Not valid before.</summary>
    [JsonPropertyName("notBefore")] public string? NotBefore { get; set; }

    /// <summary>Not valid after.</summary>
    [JsonPropertyName("notAfter")] public string? NotAfter { get; set; }
}
