using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Sam.Apis;

/// <summary>
/// Runs before any resource is expanded, as SAM's API plugins do: explicit APIs without a definition get a generated
/// one; Api/HttpApi events without RestApiId/ApiId are attached to the implicit ServerlessRestApi /
/// ServerlessHttpApi (created on demand, with stage Prod for REST and $default for HTTP); and every event's
/// path/method is added to the generated definition of the API it belongs to.
/// </summary>
internal static class ImplicitApis
{
    public const string RestApiId = "ServerlessRestApi";
    public const string HttpApiId = "ServerlessHttpApi";

    private sealed record Kind(string EventType, string IdProperty, string ImplicitId, string ApiType);

    private static readonly Kind _rest = new("Api", "RestApiId", RestApiId, "AWS::Serverless::Api");
    private static readonly Kind _http = new("HttpApi", "ApiId", HttpApiId, "AWS::Serverless::HttpApi");

    public static void Apply(SamDocument document)
    {
        GenerateMissingDefinitions(document);
        Attach(document, _rest);
        Attach(document, _http);
    }

    private static void GenerateMissingDefinitions(SamDocument document)
    {
        foreach (var (type, skeleton) in new[] { ("AWS::Serverless::Api", (Func<JsonObject>)ApiDefinition.SwaggerSkeleton), ("AWS::Serverless::HttpApi", ApiDefinition.OpenApiSkeleton) })
        {
            foreach (var (_, api) in document.OfType(type))
            {
                var properties = SamDocument.PropertiesOf(api);
                if (properties["DefinitionBody"] is null && properties["DefinitionUri"] is null)
                {
                    properties["DefinitionBody"] = skeleton();
                    properties[SamDocument.ManagedBodyFlag] = true;
                }
            }
        }
    }

    private static void Attach(SamDocument document, Kind kind)
    {
        var implicitApi = Cfn.Resource(kind.ApiType, new JsonObject
        {
            ["DefinitionBody"] = kind == _rest ? ApiDefinition.SwaggerSkeleton() : ApiDefinition.OpenApiSkeleton(),
            [SamDocument.ManagedBodyFlag] = true,
        });
        if (kind == _rest)
        {
            // The implicit REST API's stage is always Prod (Globals cannot change it: the resource's own value wins).
            var properties = SamDocument.PropertiesOf(implicitApi);
            var reordered = new JsonObject { ["StageName"] = "Prod" };
            foreach (var (key, value) in properties.ToList())
            {
                properties.Remove(key);
                reordered[key] = value;
            }
            implicitApi["Properties"] = reordered;
        }
        var existing = document.Resources[kind.ImplicitId];
        document.Resources[kind.ImplicitId] = implicitApi;
        var used = false;
        var conditions = new ApiConditions();
        foreach (var (functionId, function) in document.OfType("AWS::Serverless::Function"))
        {
            if (SamDocument.PropertiesOf(function)["Events"] is not JsonObject events)
            {
                continue;
            }
            foreach (var (eventId, node) in events)
            {
                if (node is not JsonObject body || body["Type"].AsString() != kind.EventType)
                {
                    continue;
                }
                try
                {
                    used |= AttachEvent(document, kind, eventId, body, function, conditions);
                }
                catch (InvalidSamEventException e)
                {
                    throw new InvalidSamResourceException(functionId, e.Describe());
                }
            }
        }
        if (!used)
        {
            document.Resources.Remove(kind.ImplicitId);
            if (existing is not null)
            {
                document.Resources[kind.ImplicitId] = existing.DeepClone();
            }
            conditions.Forget(kind.ImplicitId);
        }
        conditions.Apply(document, kind.ImplicitId, kind.ApiType);
    }

    /// <returns>true when the event attached to the implicit API</returns>
    private static bool AttachEvent(SamDocument document, Kind kind, string eventId, JsonObject body, JsonObject function, ApiConditions conditions)
    {
        if (body["Properties"] is not JsonObject properties)
        {
            if (kind == _rest)
            {
                return false;
            }
            body["Properties"] = properties = [];
        }
        var usesImplicit = !properties.ContainsKey(kind.IdProperty);
        if (usesImplicit)
        {
            properties[kind.IdProperty] = Cfn.Ref(kind.ImplicitId);
        }
        if (kind == _http && properties["Path"] is null && properties["Method"] is null)
        {
            properties["Path"] = ApiDefinition.DefaultPath;
            properties["Method"] = ApiDefinition.AnyMethod;
        }
        var path = properties["Path"].AsString() ?? throw new InvalidSamEventException(eventId, "Event is missing key 'Path'.");
        var method = properties["Method"].AsString() ?? throw new InvalidSamEventException(eventId, "Event is missing key 'Method'.");
        var apiId = ApiId(properties[kind.IdProperty]);
        if (apiId is null || document.Resources[apiId] is not JsonObject api || api["Type"].AsString() != kind.ApiType)
        {
            throw new InvalidSamEventException(eventId,
                $"{kind.IdProperty} must be a valid reference to an '{kind.ApiType}' resource in same template.");
        }
        conditions.Record(apiId, path, method, function);
        var apiProperties = SamDocument.PropertiesOf(api);
        if (apiProperties[SamDocument.ManagedBodyFlag] is not null && apiProperties["DefinitionBody"] is JsonObject definition)
        {
            ApiDefinition.AddPath(definition, path, method);
        }
        if (kind == _http && properties["RouteSettings"] is JsonObject routeSettings)
        {
            if (apiProperties["RouteSettings"] is not JsonObject apiRouteSettings)
            {
                apiProperties["RouteSettings"] = apiRouteSettings = [];
            }
            var route = method == ApiDefinition.AnyMethod ? path : $"{method.ToUpperInvariant()} {path}";
            if (apiRouteSettings[route] is not JsonObject merged)
            {
                apiRouteSettings[route] = merged = [];
            }
            foreach (var (key, value) in routeSettings)
            {
                merged[key] = value?.DeepClone();
            }
        }
        return usesImplicit;
    }

    /// <summary>RestApiId/ApiId as a logical id: a plain string or the target of a Ref.</summary>
    public static string? ApiId(JsonNode? value) =>
        value.IsIntrinsic(out var function, out var argument) && function == "Ref" ? argument.AsString() : value.AsString();
}
