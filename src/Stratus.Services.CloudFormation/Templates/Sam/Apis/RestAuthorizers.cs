using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Sam.Apis;

/// <summary>
/// The Swagger security definition of one REST API authorizer: a Cognito user pool authorizer (UserPoolArn) or a
/// Lambda authorizer (FunctionArn) of payload type TOKEN (the default) or REQUEST, with API Gateway's
/// x-amazon-apigateway-authorizer extension.
/// </summary>
internal static class RestAuthorizers
{
    private static readonly (string Property, string Prefix)[] _identitySources =
    [
        ("Headers", "method.request.header."), ("QueryStrings", "method.request.querystring."),
        ("StageVariables", "stageVariables."), ("Context", "context."),
    ];

    public static JsonObject Definition(string apiId, string partition, string name, JsonObject authorizer)
    {
        var identity = authorizer["Identity"] as JsonObject;
        var isCognito = authorizer["UserPoolArn"] is not null;
        var payloadType = authorizer["FunctionPayloadType"].AsString() ?? "TOKEN";
        if (!isCognito && authorizer["FunctionArn"] is null)
        {
            throw new InvalidSamResourceException(apiId, $"Authorizer {name} must have a UserPoolArn or a FunctionArn.");
        }
        var definition = new JsonObject
        {
            ["type"] = "apiKey",
            ["name"] = !isCognito && payloadType == "REQUEST" ? "Unused" : identity?["Header"]?.DeepClone() ?? "Authorization",
            ["in"] = "header",
            ["x-amazon-apigateway-authtype"] = isCognito ? "cognito_user_pools" : "custom",
        };
        JsonObject extension;
        if (isCognito)
        {
            var pools = authorizer["UserPoolArn"] is JsonArray list ? list.DeepClone() : new JsonArray(authorizer["UserPoolArn"]!.DeepClone());
            extension = new JsonObject { ["type"] = "cognito_user_pools", ["providerARNs"] = pools };
        }
        else
        {
            extension = new JsonObject
            {
                ["type"] = payloadType == "REQUEST" ? "request" : "token",
                ["authorizerUri"] = Cfn.Sub($"arn:{partition}:apigateway:${{AWS::Region}}:lambda:path/2015-03-31/functions/${{__FunctionArn__}}/invocations",
                    new JsonObject { ["__FunctionArn__"] = authorizer["FunctionArn"]!.DeepClone() }),
            };
            extension.Set("authorizerResultTtlInSeconds", identity?["ReauthorizeEvery"]);
            if (authorizer["FunctionInvokeRole"] is { } role && role.AsString() != "NONE")
            {
                extension["authorizerCredentials"] = role.DeepClone();
            }
            if (payloadType == "REQUEST" && IdentitySource(identity) is { Length: > 0 } source)
            {
                extension["identitySource"] = source;
            }
        }
        if ((isCognito || payloadType == "TOKEN") && identity?["ValidationExpression"] is { } expression)
        {
            extension["identityValidationExpression"] = expression.DeepClone();
        }
        definition[RestApiAuth.AuthorizerExtension] = extension;
        return definition;
    }

    private static string IdentitySource(JsonObject? identity)
    {
        if (identity is null)
        {
            return "";
        }
        var items = new List<string>();
        foreach (var (property, prefix) in _identitySources)
        {
            foreach (var value in identity[property] as JsonArray ?? [])
            {
                items.Add(prefix + value.AsString());
            }
        }
        return string.Join(", ", items);
    }

    /// <summary>The permission API Gateway needs to invoke a Lambda authorizer: &lt;Api&gt;&lt;Name&gt;AuthorizerPermission.</summary>
    public static IEnumerable<KeyValuePair<string, JsonObject>> Permissions(string apiId, string partition, JsonObject? auth, JsonObject attributes)
    {
        foreach (var (name, definition) in auth?["Authorizers"] as JsonObject ?? [])
        {
            if (definition?["FunctionArn"] is not { } arn
                || definition["DisableFunctionDefaultPermissions"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
            {
                continue;
            }
            yield return new($"{apiId}{name}AuthorizerPermission", Cfn.Resource("AWS::Lambda::Permission", new JsonObject
            {
                ["Action"] = "lambda:InvokeFunction",
                ["FunctionName"] = arn.DeepClone(),
                ["Principal"] = "apigateway.amazonaws.com",
                ["SourceArn"] = Cfn.Sub($"arn:{partition}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{__ApiId__}}/authorizers/*",
                    new JsonObject { ["__ApiId__"] = Cfn.Ref(apiId) }),
            }, (JsonObject)attributes.DeepClone()));
        }
    }
}
