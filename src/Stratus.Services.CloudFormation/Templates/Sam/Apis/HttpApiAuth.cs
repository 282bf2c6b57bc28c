using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates.Sam.Events;

namespace Stratus.Services.CloudFormation.Templates.Sam.Apis;

/// <summary>
/// Authorization of HTTP APIs: JWT and Lambda (REQUEST) authorizers and the IAM authorizer become OpenAPI security
/// schemes with API Gateway's x-amazon-apigateway-authorizer extension; routes get a security requirement from
/// their event's Auth or, failing that, the API's DefaultAuthorizer.
/// </summary>
internal static class HttpApiAuth
{
    private const string AuthorizerKey = "x-amazon-apigateway-authorizer";

    /// <summary>An event's Auth: its Authorizer (or the API default) and scopes on the route's security.</summary>
    public static void ApplyToEvent(EventContext context, JsonObject apiProperties, JsonObject operation, JsonObject auth, string path, string method)
    {
        var apiAuth = apiProperties["Auth"] as JsonObject ?? [];
        var authorizer = auth["Authorizer"].AsString() ?? apiAuth["DefaultAuthorizer"].AsString()
            ?? throw new InvalidSamEventException(context.EventId,
                "'Auth' section requires either an explicit 'Authorizer' set or a 'DefaultAuthorizer' configured on the HttpApi.");
        var authorizers = apiAuth["Authorizers"] as JsonObject;
        var iamEnabled = apiAuth["EnableIamAuthorizer"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
        if (authorizer == "NONE")
        {
            if (apiAuth["DefaultAuthorizer"] is null)
            {
                throw new InvalidSamEventException(context.EventId,
                    $"Unable to set Authorizer on API method [{method}] for path [{path}] because 'NONE' is only a valid value when a DefaultAuthorizer on the API is specified.");
            }
        }
        else if (!(authorizer == "AWS_IAM" && iamEnabled))
        {
            if (authorizers is null || authorizers.Count == 0)
            {
                throw new InvalidSamEventException(context.EventId,
                    $"Unable to set Authorizer [{authorizer}] on API method [{method}] for path [{path}] because the related API does not define any Authorizers.");
            }
            if (authorizers[authorizer] is null)
            {
                throw new InvalidSamEventException(context.EventId,
                    $"Unable to set Authorizer [{authorizer}] on API method [{method}] for path [{path}] because it wasn't defined in the API's Authorizers.");
            }
        }
        var requirement = new JsonObject { [authorizer] = new JsonArray() };
        if (authorizer is not ("NONE" or "AWS_IAM"))
        {
            var scopes = auth["AuthorizationScopes"] is JsonArray { Count: > 0 } eventScopes ? eventScopes : authorizers?[authorizer]?["AuthorizationScopes"];
            if (scopes is JsonArray { Count: > 0 })
            {
                requirement[authorizer] = scopes.DeepClone();
            }
        }
        if (operation["security"] is not JsonArray security)
        {
            operation["security"] = security = [];
        }
        security.Add(requirement);
    }

    /// <summary>The API's Auth: security schemes, then the default authorizer on every route without security.</summary>
    public static void ApplyToApi(string apiId, string partition, JsonObject body, JsonNode? authNode)
    {
        if (authNode is not JsonObject auth)
        {
            return;
        }
        var schemes = new JsonObject();
        if (auth["EnableIamAuthorizer"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            schemes["AWS_IAM"] = new JsonObject
            {
                ["type"] = "apiKey", ["name"] = "Authorization", ["in"] = "header", ["x-amazon-apigateway-authtype"] = "awsSigv4",
            };
        }
        if (auth["Authorizers"] is JsonObject authorizers)
        {
            foreach (var (name, definition) in authorizers)
            {
                schemes[name] = Scheme(apiId, partition, name, definition as JsonObject ?? []);
            }
        }
        if (schemes.Count > 0)
        {
            if (body["components"] is not JsonObject components)
            {
                body["components"] = components = [];
            }
            components["securitySchemes"] = schemes;
        }
        if (auth["DefaultAuthorizer"].AsString() is not { } defaultAuthorizer)
        {
            return;
        }
        if (!schemes.ContainsKey(defaultAuthorizer))
        {
            throw new InvalidSamResourceException(apiId, $"Unable to set DefaultAuthorizer because '{defaultAuthorizer}' was not defined in 'Authorizers'.");
        }
        var scopes = (auth["Authorizers"]?[defaultAuthorizer]?["AuthorizationScopes"] as JsonArray)?.DeepClone() ?? new JsonArray();
        foreach (var (_, method, operation) in ApiDefinition.Operations(body))
        {
            if (method != "options" && operation["security"] is not JsonArray { Count: > 0 })
            {
                operation["security"] = new JsonArray(new JsonObject { [defaultAuthorizer] = scopes.DeepClone() });
            }
        }
    }

    private static JsonObject Scheme(string apiId, string partition, string name, JsonObject definition)
    {
        if (definition["JwtConfiguration"] is { } jwt)
        {
            var authorizer = new JsonObject { ["jwtConfiguration"] = jwt.DeepClone() };
            authorizer.Set("identitySource", definition["IdentitySource"]);
            authorizer["type"] = "jwt";
            return new JsonObject { ["type"] = "oauth2", [AuthorizerKey] = authorizer };
        }
        if (definition["FunctionArn"] is not { } functionArn)
        {
            throw new InvalidSamResourceException(apiId, $"Authorizer {name} must have a JwtConfiguration or a FunctionArn.");
        }
        var lambda = new JsonObject
        {
            ["type"] = "request",
            ["authorizerUri"] = Cfn.Sub($"arn:{partition}:apigateway:${{AWS::Region}}:lambda:path/2015-03-31/functions/${{__FunctionArn__}}/invocations",
                new JsonObject { ["__FunctionArn__"] = functionArn.DeepClone() }),
        };
        if (definition["FunctionInvokeRole"] is { } role && role.AsString() != "NONE")
        {
            lambda["authorizerCredentials"] = role.DeepClone();
        }
        if (definition["Identity"] is JsonObject identity)
        {
            lambda.Set("authorizerResultTtlInSeconds", identity["ReauthorizeEvery"]);
            var sources = new JsonArray();
            foreach (var (prefix, property) in new[] { ("$request.header.", "Headers"), ("$request.querystring.", "QueryStrings"), ("$stageVariables.", "StageVariables"), ("$context.", "Context") })
            {
                foreach (var value in identity[property] as JsonArray ?? [])
                {
                    sources.Add(prefix + value.AsString());
                }
            }
            lambda["identitySource"] = sources;
        }
        lambda["authorizerPayloadFormatVersion"] = definition["AuthorizerPayloadFormatVersion"]?.DeepClone();
        if (definition["EnableSimpleResponses"] is { } simple && simple.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            lambda["enableSimpleResponses"] = true;
        }
        return new JsonObject { ["type"] = "apiKey", ["name"] = "Unused", ["in"] = "header", [AuthorizerKey] = lambda };
    }
}
