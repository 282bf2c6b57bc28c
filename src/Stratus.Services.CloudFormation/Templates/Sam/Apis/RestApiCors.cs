using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Sam.Apis;

/// <summary>
/// REST API CORS: since aws_proxy integrations cannot add headers, SAM adds to every path an OPTIONS method with a
/// mock integration answering the preflight with the Access-Control-Allow-* headers (the Swagger snippet of
/// "Enabling CORS for a REST API resource" in the API Gateway developer guide).
/// </summary>
internal static class RestApiCors
{
    private static readonly string[] _allMethods = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];
    private static readonly string[] _keys = ["AllowMethods", "AllowHeaders", "AllowOrigin", "MaxAge", "AllowCredentials"];

    public static void Apply(string apiId, JsonObject body, JsonNode cors)
    {
        JsonNode? origin, headers = null, methods = null, maxAge = null;
        var credentials = false;
        if (cors.AsString() is not null || cors.IsIntrinsic(out _, out _))
        {
            origin = cors;
        }
        else if (cors is JsonObject map)
        {
            var unknown = map.Select(p => p.Key).FirstOrDefault(k => !_keys.Contains(k));
            if (unknown is not null)
            {
                throw new InvalidSamResourceException(apiId, $"Invalid key '{unknown}' for 'Cors' property.");
            }
            origin = map["AllowOrigin"];
            headers = map["AllowHeaders"];
            methods = map["AllowMethods"];
            maxAge = map["MaxAge"];
            credentials = map["AllowCredentials"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
        }
        else
        {
            throw new InvalidSamResourceException(apiId, "Invalid value for 'Cors' property");
        }
        if (origin is null)
        {
            throw new InvalidSamResourceException(apiId, "Invalid input. Value for AllowedOrigins is required");
        }
        if (credentials && origin.AsString() == "'*'")
        {
            throw new InvalidSamResourceException(apiId,
                "Unable to add Cors configuration because 'AllowCredentials' can not be true when 'AllowOrigin' is \"'*'\" or not set");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, _) in ApiDefinition.Paths(body).ToList())
        {
            var normalized = path == "/" ? path : path.TrimEnd('/');
            if (!seen.Add(normalized) || ApiDefinition.PathItem(body, path) is not { } pathItem || pathItem.ContainsKey("options"))
            {
                continue;
            }
            var allowMethods = methods?.DeepClone() ?? JsonValue.Create($"'{AllowedMethods(pathItem)}'");
            pathItem["options"] = Options(origin, headers, allowMethods, maxAge, credentials);
        }
    }

    private static string AllowedMethods(JsonObject pathItem)
    {
        var methods = pathItem.Select(p => p.Key).ToList();
        IEnumerable<string> allowed = methods.Contains(ApiDefinition.AnyMethod)
            ? _allMethods
            : methods.Append("options").Select(m => m.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal);
        return string.Join(",", allowed);
    }

    private static JsonObject Options(JsonNode origin, JsonNode? headers, JsonNode? methods, JsonNode? maxAge, bool credentials)
    {
        var parameters = new JsonObject { ["method.response.header.Access-Control-Allow-Origin"] = origin.DeepClone() };
        var responseHeaders = new JsonObject { ["Access-Control-Allow-Origin"] = new JsonObject { ["type"] = "string" } };
        void Add(string header, JsonNode? value, string type)
        {
            if (value is not null)
            {
                parameters[$"method.response.header.{header}"] = value.DeepClone();
                responseHeaders[header] = new JsonObject { ["type"] = type };
            }
        }
        Add("Access-Control-Allow-Headers", headers, "string");
        Add("Access-Control-Allow-Methods", methods, "string");
        Add("Access-Control-Max-Age", maxAge, "integer");
        if (credentials)
        {
            Add("Access-Control-Allow-Credentials", JsonValue.Create("'true'"), "string");
        }
        return new JsonObject
        {
            ["summary"] = "CORS support",
            ["consumes"] = new JsonArray("application/json"),
            ["produces"] = new JsonArray("application/json"),
            [ApiDefinition.IntegrationKey] = new JsonObject
            {
                ["type"] = "mock",
                ["requestTemplates"] = new JsonObject { ["application/json"] = "{\n  \"statusCode\" : 200\n}\n" },
                ["responses"] = new JsonObject
                {
                    ["default"] = new JsonObject
                    {
                        ["statusCode"] = "200",
                        ["responseParameters"] = parameters,
                        ["responseTemplates"] = new JsonObject { ["application/json"] = "{}\n" },
                    },
                },
            },
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject { ["description"] = "Default response for CORS method", ["headers"] = responseHeaders },
            },
        };
    }
}
