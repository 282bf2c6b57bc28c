using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates.Sam.Events;

namespace Stratus.Services.CloudFormation.Templates.Sam.Apis;

/// <summary>
/// Authorization of REST APIs in the Swagger body: Cognito user pool and Lambda (TOKEN / REQUEST) authorizers as
/// security definitions, per-method security from events' Auth, the API's DefaultAuthorizer and ApiKeyRequired on
/// every method that did not say otherwise (NONE / ApiKeyRequired: false).
/// </summary>
internal static class RestApiAuth
{
    private const string AuthorizerKey = "x-amazon-apigateway-authorizer";
    private const string ApiKey = "api_key";
    private const string ApiKeyFalse = "api_key_false";

    public static void ApplyToEvent(EventContext context, JsonObject body, JsonObject? apiAuth, JsonObject operation, JsonObject auth, string path, string method)
    {
        var authorizer = auth["Authorizer"].AsString();
        var authorizers = apiAuth?["Authorizers"] as JsonObject;
        if (authorizer is not null and not "AWS_IAM")
        {
            if (authorizer == "NONE")
            {
                if (apiAuth?["DefaultAuthorizer"] is null)
                {
                    throw new InvalidSamEventException(context.EventId,
                        $"Unable to set Authorizer on API method [{method}] for path [{path}] because 'NONE' is only a valid value when a DefaultAuthorizer on the API is specified.");
                }
            }
            else if (authorizers is null || authorizers.Count == 0)
            {
                throw new InvalidSamEventException(context.EventId,
                    $"Unable to set Authorizer [{authorizer}] on API method [{method}] for path [{path}] because the related API does not define any Authorizers.");
            }
            else if (authorizers[authorizer] is null)
            {
                throw new InvalidSamEventException(context.EventId,
                    $"Unable to set Authorizer [{authorizer}] on API method [{method}] for path [{path}] because it wasn't defined in the API's Authorizers.");
            }
        }
        if (auth["AuthorizationScopes"] is not null && authorizer is null)
        {
            throw new InvalidSamEventException(context.EventId, "AuthorizationScopes works only when Authorizer is set");
        }
        var apiKeyRequired = auth["ApiKeyRequired"];
        if (apiKeyRequired?.GetValueKind() == System.Text.Json.JsonValueKind.False
            && apiAuth?["ApiKeyRequired"]?.GetValueKind() != System.Text.Json.JsonValueKind.True)
        {
            throw new InvalidSamEventException(context.EventId,
                $"Unable to set ApiKeyRequired [False] on API method [{method}] for path [{path}] because the related API does not specify any ApiKeyRequired.");
        }
        if (authorizer is not null || apiKeyRequired is not null)
        {
            AddSecurity(body, operation, auth, authorizer, authorizers, apiKeyRequired);
        }
    }

    private static void AddSecurity(
        JsonObject body, JsonObject operation, JsonObject auth, string? authorizer, JsonObject? authorizers, JsonNode? apiKeyRequired)
    {
        var security = Security(operation);
        if (authorizer is not null)
        {
            var requirement = new JsonObject { [authorizer] = new JsonArray() };
            if (authorizer != "NONE" && authorizers is not null)
            {
                var scopes = auth["AuthorizationScopes"] ?? authorizers[authorizer]?["AuthorizationScopes"];
                if (authorizers[authorizer] is not null && scopes is not null)
                {
                    requirement[authorizer] = scopes.DeepClone();
                }
            }
            security.Add(requirement);
            if (authorizer == "AWS_IAM")
            {
                AddDefinition(body, "AWS_IAM", IamDefinition());
            }
        }
        if (apiKeyRequired is not null)
        {
            var required = apiKeyRequired.GetValueKind() == System.Text.Json.JsonValueKind.True;
            security.Add(new JsonObject { [required ? ApiKey : ApiKeyFalse] = new JsonArray() });
            if (required)
            {
                AddDefinition(body, ApiKey, ApiKeyDefinition());
            }
        }
    }

    /// <summary>The API's Auth section, applied once every event has added its methods.</summary>
    public static void ApplyToApi(string apiId, string partition, JsonObject body, JsonObject auth)
    {
        var defaultAuthorizer = auth["DefaultAuthorizer"].AsString();
        var authorizers = auth["Authorizers"] as JsonObject;
        var names = new List<string>();
        if (defaultAuthorizer == "AWS_IAM")
        {
            AddDefinition(body, "AWS_IAM", IamDefinition());
            names.Add("AWS_IAM");
        }
        foreach (var (name, definition) in authorizers ?? [])
        {
            AddDefinition(body, name, RestAuthorizers.Definition(apiId, partition, name, definition as JsonObject ?? []), replace: true);
            names.Add(name);
        }
        if (defaultAuthorizer is not null)
        {
            if (!names.Contains(defaultAuthorizer))
            {
                throw new InvalidSamResourceException(apiId, $"Unable to set DefaultAuthorizer because '{defaultAuthorizer}' was not defined in 'Authorizers'.");
            }
            var toPreflight = auth["AddDefaultAuthorizerToCorsPreflight"]?.GetValueKind() != System.Text.Json.JsonValueKind.False;
            var scopes = authorizers?[defaultAuthorizer]?["AuthorizationScopes"]?.DeepClone() ?? new JsonArray();
            foreach (var (_, method, operation) in ApiDefinition.Operations(body))
            {
                if (toPreflight || method != "options")
                {
                    SetDefaultAuthorizer(operation, defaultAuthorizer, scopes, names);
                }
            }
        }
        if (auth["ApiKeyRequired"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            AddDefinition(body, ApiKey, ApiKeyDefinition());
            var toPreflight = auth["AddApiKeyRequiredToCorsPreflight"]?.GetValueKind() != System.Text.Json.JsonValueKind.False;
            foreach (var (_, method, operation) in ApiDefinition.Operations(body))
            {
                SetDefaultApiKeyRequired(operation, toPreflight || method != "options");
            }
        }
    }

    private static void SetDefaultAuthorizer(JsonObject operation, string defaultAuthorizer, JsonNode scopes, List<string> names)
    {
        var authorizerNames = new HashSet<string>(names) { "AWS_IAM" };
        var existing = Existing(operation);
        var others = existing.Where(s => !s.Any(p => authorizerNames.Contains(p.Key))).ToList();
        var withAuthorizer = existing.Except(others).ToList();
        var none = others.FindIndex(s => s.ContainsKey("NONE"));
        List<JsonObject> authorizerSecurity;
        if (none >= 0)
        {
            others.RemoveAt(none);
            authorizerSecurity = [];
        }
        else
        {
            authorizerSecurity = withAuthorizer.Count > 0 ? withAuthorizer : [new JsonObject { [defaultAuthorizer] = scopes.DeepClone() }];
        }
        var security = others.Concat(authorizerSecurity).ToList();
        if (security.Count > 0)
        {
            operation["security"] = new JsonArray([.. security.Select(s => s.DeepClone())]);
        }
    }

    private static void SetDefaultApiKeyRequired(JsonObject operation, bool required)
    {
        var existing = Existing(operation);
        var others = existing.Where(s => !s.ContainsKey(ApiKey) && !s.ContainsKey(ApiKeyFalse)).ToList();
        var apiKeys = existing.Except(others).ToList();
        var optedOut = apiKeys.Any(s => s.ContainsKey(ApiKeyFalse));
        var security = others.Select(s => s.DeepClone()).ToList();
        if (!optedOut && required)
        {
            security.Add(new JsonObject { [ApiKey] = new JsonArray() });
        }
        var updated = new JsonArray([.. security]);
        if (!JsonNode.DeepEquals(updated, operation["security"] ?? new JsonArray()))
        {
            operation["security"] = updated;
        }
    }

    private static List<JsonObject> Existing(JsonObject operation) =>
        (operation["security"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];

    private static JsonArray Security(JsonObject operation)
    {
        if (operation["security"] is not JsonArray security)
        {
            operation["security"] = security = [];
        }
        return security;
    }

    private static void AddDefinition(JsonObject body, string name, JsonObject definition, bool replace = false)
    {
        if (body["securityDefinitions"] is not JsonObject definitions)
        {
            body["securityDefinitions"] = definitions = [];
        }
        if (replace || !definitions.ContainsKey(name))
        {
            definitions[name] = definition;
        }
    }

    private static JsonObject ApiKeyDefinition() => new() { ["type"] = "apiKey", ["name"] = "x-api-key", ["in"] = "header" };

    private static JsonObject IamDefinition() => new()
    {
        ["x-amazon-apigateway-authtype"] = "awsSigv4", ["type"] = "apiKey", ["name"] = "Authorization", ["in"] = "header",
    };

    internal static string AuthorizerExtension => AuthorizerKey;
}
