using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates.Sam.Functions;

namespace Stratus.Services.CloudFormation.Templates.Sam.Apis;

/// <summary>
/// AWS::Serverless::HttpApi → AWS::ApiGatewayV2::Api (its OpenAPI Body carrying routes, integrations, authorizers,
/// CORS and tags as API Gateway's import extensions) and an auto-deployed AWS::ApiGatewayV2::Stage ($default unless
/// StageName says otherwise). See "AWS::Serverless::HttpApi" in the SAM developer guide.
/// </summary>
internal static class HttpApiExpander
{
    private const string TagName = "httpapi:createdBy";
    private static readonly string[] _passThrough = ["Condition", "DeletionPolicy", "UpdateReplacePolicy"];
    private static readonly string[] _corsKeys = ["AllowOrigins", "AllowHeaders", "AllowMethods", "ExposeHeaders", "MaxAge", "AllowCredentials"];

    public static void Expand(SamDocument document, string logicalId, JsonObject resource)
    {
        var sam = SamDocument.PropertiesOf(resource);
        if (sam["Domain"] is not null)
        {
            throw new InvalidSamResourceException(logicalId, "Stratus does not support custom domains (Domain) yet.");
        }
        var api = new JsonObject();
        var tags = new JsonObject { [TagName] = "SAM" };
        foreach (var (key, value) in sam["Tags"] as JsonObject ?? [])
        {
            tags[key] = value?.DeepClone();
        }
        if (sam["DefinitionBody"] is JsonObject body)
        {
            body = (JsonObject)body.DeepClone();
            if (sam["CorsConfiguration"] is { } cors)
            {
                body["x-amazon-apigateway-cors"] = Cors(logicalId, cors);
            }
            HttpApiAuth.ApplyToApi(logicalId, document.Partition, body, sam["Auth"]);
            AddTags(body, tags);
            if (sam["DisableExecuteApiEndpoint"] is { } disable)
            {
                body["servers"] = new JsonArray(new JsonObject
                {
                    ["x-amazon-apigateway-endpoint-configuration"] = new JsonObject { ["disableExecuteApiEndpoint"] = disable.DeepClone() },
                });
            }
            if (sam["Name"] is { } name)
            {
                ((JsonObject)body["info"]!)["title"] = name.DeepClone();
            }
            if (sam["Description"] is { } description)
            {
                ((JsonObject)body["info"]!)["description"] = description.DeepClone();
            }
            if (sam["FailOnWarnings"] is { } failOnWarnings)
            {
                api["FailOnWarnings"] = failOnWarnings.DeepClone();
            }
            api["Body"] = body;
        }
        else if (sam["DefinitionUri"] is { } uri)
        {
            api["BodyS3Location"] = ArtifactLocation.Pointer(document, logicalId, "DefinitionUri", uri);
        }
        else
        {
            throw new InvalidSamResourceException(logicalId,
                "'DefinitionUri' or 'DefinitionBody' are required properties of an 'AWS::Serverless::HttpApi'. Add a value for one of these properties or add a 'HttpApi' event to an 'AWS::Serverless::Function'.");
        }
        var attributes = FunctionExpander.Attributes(resource, _passThrough);
        var output = new List<KeyValuePair<string, JsonObject>>
        {
            new(logicalId, Cfn.Resource("AWS::ApiGatewayV2::Api", api, FunctionExpander.Attributes(resource, ["DependsOn", .. _passThrough, "UpdatePolicy", "Metadata"]))),
        };
        AddAuthorizerPermissions(logicalId, sam["Auth"] as JsonObject, attributes, output);
        var (stageId, stage) = Stage(logicalId, sam, tags, attributes);
        output.Add(new(stageId, stage));
        document.PropertyReferences[$"{logicalId}.Stage"] = stageId;
        document.Expand(logicalId, output);
    }

    private static (string Id, JsonObject Stage) Stage(string logicalId, JsonObject sam, JsonObject tags, JsonObject attributes)
    {
        var stageName = sam["StageName"] ?? JsonValue.Create(ApiDefinition.DefaultPath);
        var prefix = stageName.AsString() ?? "";
        var id = prefix.Length > 0 && prefix.All(char.IsAsciiLetterOrDigit) ? $"{logicalId}{prefix}Stage"
            : prefix == ApiDefinition.DefaultPath ? $"{logicalId}ApiGatewayDefaultStage"
            : $"{logicalId}Stage{LogicalIdHash.OfText(prefix)}";
        var stage = new JsonObject();
        stage.Set("AccessLogSettings", sam["AccessLogSettings"]);
        stage.Set("DefaultRouteSettings", sam["DefaultRouteSettings"]);
        stage["ApiId"] = Cfn.Ref(logicalId);
        stage["StageName"] = stageName.DeepClone();
        stage["Tags"] = tags.DeepClone();
        stage.Set("StageVariables", sam["StageVariables"]);
        stage["AutoDeploy"] = true;
        stage.Set("RouteSettings", sam["RouteSettings"]);
        return (id, Cfn.Resource("AWS::ApiGatewayV2::Stage", stage, attributes));
    }

    private static JsonObject Cors(string logicalId, JsonNode cors)
    {
        if (cors.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            return new JsonObject { ["allowOrigins"] = new JsonArray("*") };
        }
        if (cors is not JsonObject map || map.IsIntrinsic(out _, out _))
        {
            return new JsonObject { ["allowOrigins"] = cors.DeepClone() };
        }
        var result = new JsonObject();
        foreach (var (key, value) in map)
        {
            if (!_corsKeys.Contains(key))
            {
                throw new InvalidSamResourceException(logicalId, $"Invalid key '{key}' for 'Cors' property.");
            }
            result[char.ToLowerInvariant(key[0]) + key[1..]] = value?.DeepClone();
        }
        return result;
    }

    private static void AddTags(JsonObject body, JsonObject tags)
    {
        if (body["tags"] is not JsonArray list)
        {
            body["tags"] = list = [];
        }
        foreach (var (name, value) in tags)
        {
            if (list.FirstOrDefault(t => t?["name"].AsString() == name) is JsonObject existing)
            {
                existing["x-amazon-apigateway-tag-value"] = value?.DeepClone();
            }
            else
            {
                list.Add(new JsonObject { ["name"] = name, ["x-amazon-apigateway-tag-value"] = value?.DeepClone() });
            }
        }
    }

    // HTTP API Lambda authorizers get a permission only when EnableFunctionDefaultPermissions is true.
    private static void AddAuthorizerPermissions(string logicalId, JsonObject? auth, JsonObject attributes, List<KeyValuePair<string, JsonObject>> output)
    {
        foreach (var (name, definition) in auth?["Authorizers"] as JsonObject ?? [])
        {
            if (definition?["FunctionArn"] is not { } arn || definition["EnableFunctionDefaultPermissions"]?.GetValueKind() != System.Text.Json.JsonValueKind.True)
            {
                continue;
            }
            output.Add(new($"{logicalId}{name}AuthorizerPermission", Cfn.Resource("AWS::Lambda::Permission", new JsonObject
            {
                ["Action"] = "lambda:InvokeFunction",
                ["FunctionName"] = arn.DeepClone(),
                ["Principal"] = "apigateway.amazonaws.com",
                ["SourceArn"] = Cfn.Sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*",
                    new JsonObject { ["__ApiId__"] = Cfn.Ref(logicalId) }),
            }, attributes)));
        }
    }
}
