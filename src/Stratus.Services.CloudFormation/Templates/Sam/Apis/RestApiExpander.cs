using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Stratus.Services.CloudFormation.Templates.Sam.Functions;

namespace Stratus.Services.CloudFormation.Templates.Sam.Apis;

/// <summary>
/// AWS::Serverless::Api → AWS::ApiGateway::RestApi (Swagger/OpenAPI Body), an AWS::ApiGateway::Deployment whose
/// logical id carries a hash of the body (so a changed API is redeployed), the AWS::ApiGateway::Stage, Lambda
/// authorizer permissions and, with Auth.UsagePlan, a usage plan with an API key.
/// See "AWS::Serverless::Api" in the SAM developer guide.
/// </summary>
internal static partial class RestApiExpander
{
    private static readonly string[] _passThrough = ["Condition", "DeletionPolicy", "UpdateReplacePolicy"];
    private static readonly string[] _unsupported = ["Domain", "GatewayResponses", "Models", "CanarySetting", "MergeDefinitions"];

    /// <summary>SAM's Globals step rewrites generated bodies to the OpenApiVersion asked for (3.x): do the same.</summary>
    public static void ApplyOpenApiVersions(SamDocument document)
    {
        foreach (var (_, api) in document.OfType("AWS::Serverless::Api"))
        {
            var properties = SamDocument.PropertiesOf(api);
            if (properties["OpenApiVersion"].AsString() is { } version && OpenApi3().IsMatch(version)
                && properties[SamDocument.ManagedBodyFlag] is not null && properties["DefinitionBody"] is JsonObject body)
            {
                body.Remove("swagger");
                body["openapi"] = version;
            }
        }
    }

    public static void Expand(SamDocument document, string logicalId, JsonObject resource)
    {
        var sam = SamDocument.PropertiesOf(resource);
        foreach (var name in _unsupported.Where(sam.ContainsKey))
        {
            throw new InvalidSamResourceException(logicalId, $"Stratus does not support the '{name}' property of AWS::Serverless::Api yet.");
        }
        var attributes = FunctionExpander.Attributes(resource, _passThrough);
        var api = RestApi(document, logicalId, sam);
        var output = new List<KeyValuePair<string, JsonObject>>
        {
            new(logicalId, Cfn.Resource("AWS::ApiGateway::RestApi", api, FunctionExpander.Attributes(resource, ["DependsOn", .. _passThrough, "UpdatePolicy", "Metadata"]))),
        };
        var openApiVersion = sam["OpenApiVersion"].AsString();
        var hashInput = LogicalIdHash.Canonical(api["Body"] ?? api["BodyS3Location"]) + (openApiVersion ?? "");
        var sha = LogicalIdHash.Sha1(hashInput);
        var deploymentId = $"{logicalId}Deployment{sha[..LogicalIdHash.Length]}";
        var deployment = new JsonObject { ["Description"] = $"RestApi deployment id: {sha}", ["RestApiId"] = Cfn.Ref(logicalId) };
        if (openApiVersion is null)
        {
            deployment["StageName"] = "Stage";
        }
        output.Add(new(deploymentId, Cfn.Resource("AWS::ApiGateway::Deployment", deployment, attributes)));
        var (stageId, stage) = Stage(logicalId, sam, deploymentId, attributes);
        output.Add(new(stageId, stage));
        output.AddRange(RestAuthorizers.Permissions(logicalId, document.Partition, sam["Auth"] as JsonObject, attributes));
        output.AddRange(RestApiUsagePlan.Resources(logicalId, sam["Auth"] as JsonObject, stageId, attributes));
        document.PropertyReferences[$"{logicalId}.Stage"] = stageId;
        document.PropertyReferences[$"{logicalId}.Deployment"] = deploymentId;
        document.Expand(logicalId, output);
    }

    private static JsonObject RestApi(SamDocument document, string logicalId, JsonObject sam)
    {
        var api = new JsonObject();
        if (sam["DefinitionBody"] is JsonObject body)
        {
            body = (JsonObject)body.DeepClone();
            if (sam["Cors"] is { } cors)
            {
                RestApiCors.Apply(logicalId, body, cors);
            }
            if (sam["Auth"] is JsonObject auth)
            {
                RestApiAuth.ApplyToApi(logicalId, document.Partition, body, auth);
                // SAM runs its OpenAPI 3 post-processing after applying Auth and again when building the RestApi, so
                // with Auth the preflight headers' schema ends up wrapped twice; done the same way for identical bodies.
                body = OpenApi3Body(body, sam["OpenApiVersion"].AsString());
            }
            if (sam["BinaryMediaTypes"] is JsonArray binary)
            {
                body["x-amazon-apigateway-binary-media-types"] = new JsonArray(
                    [.. binary.Select(t => t.TryGetString(out var s) ? JsonValue.Create(s.Replace("~1", "/", StringComparison.Ordinal)) : t?.DeepClone())]);
            }
            api["Body"] = OpenApi3Body(body, sam["OpenApiVersion"].AsString());
        }
        else if (sam["DefinitionUri"] is { } uri)
        {
            api["BodyS3Location"] = ArtifactLocation.Pointer(document, logicalId, "DefinitionUri", uri);
        }
        else
        {
            throw new InvalidSamResourceException(logicalId, "'DefinitionUri' or 'DefinitionBody' are required properties of an 'AWS::Serverless::Api'.");
        }
        api.Set("BinaryMediaTypes", sam["BinaryMediaTypes"]);
        api.Set("MinimumCompressionSize", sam["MinimumCompressionSize"]);
        if (sam["EndpointConfiguration"] is { } endpoint)
        {
            SetEndpointConfiguration(api, endpoint);
        }
        api.Set("FailOnWarnings", sam["FailOnWarnings"]);
        api.Set("Name", sam["Name"]);
        api.Set("Description", sam["Description"]);
        api.Set("Mode", sam["Mode"]);
        api.Set("ApiKeySourceType", sam["ApiKeySourceType"]);
        return api;
    }

    private static void SetEndpointConfiguration(JsonObject api, JsonNode endpoint)
    {
        if (endpoint is JsonObject map && !map.IsIntrinsic(out _, out _) && map["Type"] is { } type)
        {
            api["Parameters"] = new JsonObject { ["endpointConfigurationTypes"] = type.DeepClone() };
            var configuration = new JsonObject { ["Types"] = new JsonArray(type.DeepClone()) };
            configuration.Set("VpcEndpointIds", map["VPCEndpointIds"] ?? map["VpcEndpointIds"]);
            configuration.Set("IpAddressType", map["IpAddressType"]);
            api["EndpointConfiguration"] = configuration;
            return;
        }
        api["EndpointConfiguration"] = new JsonObject { ["Types"] = new JsonArray(endpoint.DeepClone()) };
        api["Parameters"] = new JsonObject { ["endpointConfigurationTypes"] = endpoint.DeepClone() };
    }

    private static (string Id, JsonObject Stage) Stage(string logicalId, JsonObject sam, string deploymentId, JsonObject attributes)
    {
        var stageName = sam["StageName"] ?? throw new InvalidSamResourceException(logicalId, "Missing required property 'StageName'.");
        var prefix = stageName.AsString() ?? "";
        var id = prefix.Length > 0 && prefix.All(char.IsAsciiLetterOrDigit) ? $"{logicalId}{prefix}Stage" : $"{logicalId}Stage{LogicalIdHash.OfText(prefix)}";
        var stage = new JsonObject { ["DeploymentId"] = Cfn.Ref(deploymentId), ["RestApiId"] = Cfn.Ref(logicalId), ["StageName"] = stageName.DeepClone() };
        stage.Set("CacheClusterEnabled", sam["CacheClusterEnabled"]);
        stage.Set("CacheClusterSize", sam["CacheClusterSize"]);
        stage.Set("Variables", sam["Variables"]);
        stage.Set("MethodSettings", sam["MethodSettings"]);
        stage.Set("AccessLogSetting", sam["AccessLogSetting"]);
        stage.Set("TracingEnabled", sam["TracingEnabled"]);
        if (sam["Tags"] is JsonObject tags)
        {
            stage["Tags"] = Cfn.TagList(tags);
        }
        return (id, Cfn.Resource("AWS::ApiGateway::Stage", stage, attributes));
    }

    /// <summary>For OpenApiVersion 3.x: security definitions move to components, and CORS preflight methods lose the
    /// Swagger-2-only fields (produces/consumes; response headers get a schema).</summary>
    private static JsonObject OpenApi3Body(JsonObject body, string? version)
    {
        if (body["swagger"] is not null || version is null || !OpenApi3().IsMatch(version))
        {
            return body;
        }
        if (body["securityDefinitions"] is JsonObject definitions)
        {
            body.Remove("securityDefinitions");
            if (body["components"] is not JsonObject components)
            {
                body["components"] = components = [];
            }
            components["securitySchemes"] = definitions;
        }
        foreach (var (path, _) in ApiDefinition.Paths(body).ToList())
        {
            if (ApiDefinition.PathItem(body, path)?["options"] is not JsonObject options)
            {
                continue;
            }
            options.Remove("produces");
            options.Remove("consumes");
            if (options["responses"]?["200"]?["headers"] is JsonObject headers)
            {
                foreach (var (name, header) in headers.ToList())
                {
                    headers[name] = new JsonObject { ["schema"] = header?.DeepClone() };
                }
            }
        }
        return body;
    }

    [GeneratedRegex(@"\A3(\.\d)(\.\d)?$", RegexOptions.CultureInvariant)]
    private static partial Regex OpenApi3();
}
