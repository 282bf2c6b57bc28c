using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Stratus.Lambda.Events;

/// <summary>
/// The input of a REST API Lambda authorizer
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html):
/// TOKEN authorizers get <see cref="AuthorizationToken"/>; REQUEST authorizers get the request's parts.
/// </summary>
public sealed class APIGatewayCustomAuthorizerRequest
{
    /// <summary><c>TOKEN</c> or <c>REQUEST</c>.</summary>
    [JsonPropertyName("type")] public string? Type { get; set; }

    /// <summary>TOKEN: the value of the identity-source header.</summary>
    [JsonPropertyName("authorizationToken")] public string? AuthorizationToken { get; set; }

    /// <summary>The ARN of the method being called.</summary>
    [JsonPropertyName("methodArn")] public string? MethodArn { get; set; }

    /// <summary>REQUEST: the resource template.</summary>
    [JsonPropertyName("resource")] public string? Resource { get; set; }

    /// <summary>REQUEST: the path.</summary>
    [JsonPropertyName("path")] public string? Path { get; set; }

    /// <summary>REQUEST: the HTTP method.</summary>
    [JsonPropertyName("httpMethod")] public string? HttpMethod { get; set; }

    /// <summary>REQUEST: headers.</summary>
    [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; set; }

    /// <summary>REQUEST: headers with every value.</summary>
    [JsonPropertyName("multiValueHeaders")] public Dictionary<string, List<string>>? MultiValueHeaders { get; set; }

    /// <summary>REQUEST: query parameters.</summary>
    [JsonPropertyName("queryStringParameters")] public Dictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>REQUEST: query parameters with every value.</summary>
    [JsonPropertyName("multiValueQueryStringParameters")] public Dictionary<string, List<string>>? MultiValueQueryStringParameters { get; set; }

    /// <summary>REQUEST: path parameters.</summary>
    [JsonPropertyName("pathParameters")] public Dictionary<string, string>? PathParameters { get; set; }

    /// <summary>REQUEST: stage variables.</summary>
    [JsonPropertyName("stageVariables")] public Dictionary<string, string>? StageVariables { get; set; }

    /// <summary>REQUEST: the request context.</summary>
    [JsonPropertyName("requestContext")] public ProxyRequestContext? RequestContext { get; set; }
}

/// <summary>
/// What a REST API Lambda authorizer (or an HTTP API authorizer not using simple responses) returns
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html).
/// </summary>
public sealed class APIGatewayCustomAuthorizerResponse
{
    /// <summary>The caller's principal id.</summary>
    [JsonPropertyName("principalId")] public string? PrincipalId { get; set; }

    /// <summary>The IAM policy allowing or denying execute-api:Invoke.</summary>
    [JsonPropertyName("policyDocument")] public IamPolicyDocument? PolicyDocument { get; set; }

    /// <summary>Values passed to the integration as requestContext.authorizer.*; strings, numbers or booleans only.</summary>
    [JsonPropertyName("context")] public Dictionary<string, JsonNode?>? Context { get; set; }

    /// <summary>The API key for usage plans, when the API's key source is AUTHORIZER.</summary>
    [JsonPropertyName("usageIdentifierKey")] public string? UsageIdentifierKey { get; set; }
}

/// <summary>An IAM policy document.</summary>
public sealed class IamPolicyDocument
{
    /// <summary>The policy language version, <c>2012-10-17</c>.</summary>
    [JsonPropertyName("Version")] public string Version { get; set; } = "2012-10-17";

    /// <summary>The statements.</summary>
    [JsonPropertyName("Statement")] public List<IamPolicyStatement> Statement { get; set; } = [];
}

/// <summary>One statement of an IAM policy.</summary>
public sealed class IamPolicyStatement
{
    /// <summary><c>Allow</c> or <c>Deny</c>.</summary>
    [JsonPropertyName("Effect")] public string Effect { get; set; } = "Allow";

    /// <summary>Actions, e.g. <c>execute-api:Invoke</c>; a string or an array in JSON.</summary>
    [JsonPropertyName("Action")]
    [JsonConverter(typeof(StringOrArrayConverter))]
    public List<string> Action { get; set; } = [];

    /// <summary>Resources (method ARNs, wildcards allowed); a string or an array in JSON.</summary>
    [JsonPropertyName("Resource")]
    [JsonConverter(typeof(StringOrArrayConverter))]
    public List<string> Resource { get; set; } = [];
}

/// <summary>
/// The input of an HTTP API Lambda authorizer with payload format 2.0
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html).
/// </summary>
public sealed class APIGatewayCustomAuthorizerV2Request
{
    /// <summary><c>2.0</c>.</summary>
    [JsonPropertyName("version")] public string? Version { get; set; }

    /// <summary><c>REQUEST</c>.</summary>
    [JsonPropertyName("type")] public string? Type { get; set; }

    /// <summary>The ARN of the route being called.</summary>
    [JsonPropertyName("routeArn")] public string? RouteArn { get; set; }

    /// <summary>The values of the configured identity sources, in order.</summary>
    [JsonPropertyName("identitySource")] public List<string>? IdentitySource { get; set; }

    /// <summary>The matched route.</summary>
    [JsonPropertyName("routeKey")] public string? RouteKey { get; set; }

    /// <summary>The raw path.</summary>
    [JsonPropertyName("rawPath")] public string? RawPath { get; set; }

    /// <summary>The raw query string.</summary>
    [JsonPropertyName("rawQueryString")] public string? RawQueryString { get; set; }

    /// <summary>Cookies.</summary>
    [JsonPropertyName("cookies")] public List<string>? Cookies { get; set; }

    /// <summary>Lower-cased headers.</summary>
    [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; set; }

    /// <summary>Query parameters.</summary>
    [JsonPropertyName("queryStringParameters")] public Dictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>The request context.</summary>
    [JsonPropertyName("requestContext")] public HttpApiV2RequestContext? RequestContext { get; set; }

    /// <summary>Path parameters.</summary>
    [JsonPropertyName("pathParameters")] public Dictionary<string, string>? PathParameters { get; set; }

    /// <summary>Stage variables.</summary>
    [JsonPropertyName("stageVariables")] public Dictionary<string, string>? StageVariables { get; set; }
}

/// <summary>The simple response of an HTTP API Lambda authorizer (EnableSimpleResponses).</summary>
public sealed class APIGatewayCustomAuthorizerV2SimpleResponse
{
    /// <summary>Whether the request may proceed.</summary>
    [JsonPropertyName("isAuthorized")] public bool IsAuthorized { get; set; }

    /// <summary>Values passed to the integration as requestContext.authorizer.lambda.</summary>
    [JsonPropertyName("context")] public Dictionary<string, JsonNode?>? Context { get; set; }
}
