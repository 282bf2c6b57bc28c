using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Sam.Apis;

/// <summary>
/// Path and method plumbing shared by the OpenAPI (HTTP API) and Swagger (REST API) bodies SAM generates: the
/// skeleton documents, method-name normalization (ANY is API Gateway's x-amazon-apigateway-any-method), and the
/// aws_proxy Lambda integration each event adds.
/// </summary>
internal static class ApiDefinition
{
    public const string AnyMethod = "x-amazon-apigateway-any-method";
    public const string IntegrationKey = "x-amazon-apigateway-integration";
    public const string DefaultPath = "$default";

    public static JsonObject OpenApiSkeleton() => new()
    {
        ["openapi"] = "3.0.1",
        ["info"] = new JsonObject { ["version"] = "1.0", ["title"] = Cfn.Ref("AWS::StackName") },
        ["paths"] = new JsonObject(),
    };

    public static JsonObject SwaggerSkeleton() => new()
    {
        ["swagger"] = "2.0",
        ["info"] = new JsonObject { ["version"] = "1.0", ["title"] = Cfn.Ref("AWS::StackName") },
        ["paths"] = new JsonObject(),
    };

    public static bool IsOpenApi(JsonNode? body) => body is JsonObject doc && doc["openapi"] is not null && doc["paths"] is JsonObject;

    public static bool IsSwagger(JsonNode? body) => body is JsonObject doc && doc["swagger"] is not null && doc["paths"] is JsonObject;

    public static string NormalizeMethod(string method)
    {
        var lower = method.ToLowerInvariant();
        return lower == "any" ? AnyMethod : lower;
    }

    public static JsonObject Paths(JsonObject body) => body["paths"] as JsonObject ?? (JsonObject)(body["paths"] = new JsonObject());

    /// <summary>The path item, looking inside the Fn::If SAM wraps around a path whose methods are all conditional.</summary>
    public static JsonObject? PathItem(JsonObject body, string path) => Unwrap(Paths(body)[path]);

    /// <summary>{"Fn::If": [cond, x, NoValue]} → x; anything else as is.</summary>
    public static JsonObject? Unwrap(JsonNode? node) =>
        node is JsonObject wrapped && wrapped.IsIntrinsic(out var f, out var a) && f == "Fn::If" && a is JsonArray { Count: 3 } branches
            ? branches[1] as JsonObject
            : node as JsonObject;

    /// <summary>Adds the path/method pair (as an empty operation) unless present.</summary>
    public static void AddPath(JsonObject body, string path, string method)
    {
        var paths = Paths(body);
        if (PathItem(body, path) is not { } pathItem)
        {
            paths[path] = pathItem = [];
        }
        var normalized = NormalizeMethod(method);
        if (pathItem[normalized] is null)
        {
            pathItem[normalized] = new JsonObject();
        }
    }

    /// <summary>The operation, looking inside the Fn::If SAM wraps around an operation of a conditional function.</summary>
    public static JsonObject? Operation(JsonObject body, string path, string method) =>
        Unwrap(PathItem(body, path)?[NormalizeMethod(method)]);

    public static bool HasIntegration(JsonObject body, string path, string method) =>
        Operation(body, path, method)?[IntegrationKey] is JsonObject;

    /// <summary>Every operation of every path with an integration, as (path, method, operation).</summary>
    public static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject body)
    {
        foreach (var (path, _) in Paths(body).ToList())
        {
            if (PathItem(body, path) is not { } pathItem)
            {
                continue;
            }
            foreach (var (method, _) in pathItem.ToList())
            {
                if (Operation(body, path, method) is { } operation && operation[IntegrationKey] is not null)
                {
                    yield return (path, method, operation);
                }
            }
        }
    }

    /// <summary>The aws_proxy integration SAM writes, wrapped in Fn::If when the function has a Condition.</summary>
    public static void AddLambdaIntegration(JsonObject body, string path, string method, JsonObject integration, string? condition)
    {
        AddPath(body, path, method);
        var normalized = NormalizeMethod(method);
        var pathItem = PathItem(body, path)!;
        var operation = pathItem[normalized] as JsonObject ?? [];
        if (condition is not null && integration["uri"] is { } uri)
        {
            integration["uri"] = Cfn.If(condition, uri.DeepClone(), Cfn.NoValue());
        }
        operation[IntegrationKey] = integration;
        if (path == DefaultPath && normalized == AnyMethod && IsOpenApi(body))
        {
            operation["isDefaultRoute"] = true;
        }
        if (operation["responses"] is null)
        {
            operation["responses"] = new JsonObject();
        }
        pathItem[normalized] = condition is null ? operation.DeepClone() : Cfn.If(condition, operation.DeepClone(), Cfn.NoValue());
    }

    /// <summary>API Gateway path templates → the wildcard form used in execute-api ARNs ({id} and {proxy+} → *).</summary>
    public static string PathForArn(string path)
    {
        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path[..^1];
        }
        return System.Text.RegularExpressions.Regex.Replace(path, @"{([a-zA-Z0-9._-]+|[a-zA-Z0-9._-]+\+|proxy\+)}", "*");
    }
}
