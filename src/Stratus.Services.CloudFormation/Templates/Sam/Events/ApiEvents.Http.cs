using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Stratus.Services.CloudFormation.Templates.Sam.Apis;

namespace Stratus.Services.CloudFormation.Templates.Sam.Events;

/// <summary>
/// Api and HttpApi events: the permission for apigateway.amazonaws.com scoped to the route's execute-api ARN, and
/// the Lambda integration added to the API's definition.
/// </summary>
internal static partial class ApiEvents
{
    public static void ExpandHttp(EventContext context)
    {
        var apiIdNode = context.Properties["ApiId"];
        var apiId = ImplicitApis.ApiId(apiIdNode) ?? throw new InvalidSamEventException(context.EventId, "ApiId must be a valid reference");
        var api = context.Document.Resources[apiId] as JsonObject
            ?? throw new InvalidSamEventException(context.EventId, "ApiId must be a valid reference to an 'AWS::Serverless::HttpApi' resource in same template.");
        var apiProperties = SamDocument.PropertiesOf(api);
        var path = context.Properties["Path"].AsString()!;
        var method = context.Properties["Method"].AsString()!.ToLowerInvariant();
        var body = apiProperties["DefinitionBody"] as JsonObject;

        AddHttpPermission(context, apiIdNode!, path, method, body);
        if (body is null)
        {
            return;
        }
        if (apiProperties[SamDocument.ManagedBodyFlag] is not null && ApiDefinition.HasIntegration(body, path, method))
        {
            throw new InvalidSamEventException(context.EventId, $"API method '{method}' defined multiple times for path '{path}'.");
        }
        var integration = new JsonObject
        {
            ["type"] = "aws_proxy",
            ["httpMethod"] = "POST",
            ["payloadFormatVersion"] = "2.0",
            ["uri"] = context.Target.IntegrationUri("${AWS::Partition}"),
        };
        ApiDefinition.AddLambdaIntegration(body, path, method, integration, context.Target.Condition);
        var operation = ApiDefinition.Operation(body, path, method)!;
        if (context.Properties["Auth"] is JsonObject auth)
        {
            HttpApiAuth.ApplyToEvent(context, apiProperties, operation, auth, path, method);
        }
        if (context.Properties["TimeoutInMillis"] is { } timeout)
        {
            ((JsonObject)operation[ApiDefinition.IntegrationKey]!)["timeoutInMillis"] = timeout.DeepClone();
        }
        var parameters = Regex.Matches(path, "{(.*?)}").Select(m => m.Groups[1].Value).ToList();
        if (parameters.Count > 0)
        {
            if (operation["parameters"] is not JsonArray list)
            {
                operation["parameters"] = list = [];
            }
            foreach (var name in parameters.Where(n => !list.Any(p => p?["name"].AsString() == n)))
            {
                list.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true });
            }
        }
        if (context.Properties["PayloadFormatVersion"] is { } version)
        {
            ((JsonObject)operation[ApiDefinition.IntegrationKey]!)["payloadFormatVersion"] = version.DeepClone();
        }
    }

    private static void AddHttpPermission(EventContext context, JsonNode apiIdNode, string path, string method, JsonObject? body)
    {
        var arnPath = path.Length > 1 && path.EndsWith('/') ? path[..^1] : path;
        if (arnPath == ApiDefinition.DefaultPath)
        {
            arnPath = "";
        }
        else if (body is not null && DefaultRouteInvokes(body, context.Target.FunctionId))
        {
            // The function's $default route already lets API Gateway invoke it for every path: no second permission.
            return;
        }
        arnPath = ApiDefinition.PathForArn(arnPath);
        var verb = method is "any" or ApiDefinition.AnyMethod ? "*" : method.ToUpperInvariant();
        var resource = "${__ApiId__}/${__Stage__}" + (method == "any" && arnPath == "/" + ApiDefinition.DefaultPath ? arnPath : $"/{verb}{arnPath}");
        var sourceArn = Cfn.Sub($"arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:{resource}",
            new JsonObject { ["__ApiId__"] = apiIdNode.DeepClone(), ["__Stage__"] = "*" });
        context.AddPermission("apigateway.amazonaws.com", sourceArn: sourceArn);
    }

    // SAM recognizes "its" $default integration by the function logical id in the integration URI's ${Id.Arn}.
    private static bool DefaultRouteInvokes(JsonObject body, string functionId)
    {
        if (ApiDefinition.Operation(body, ApiDefinition.DefaultPath, ApiDefinition.AnyMethod)?[ApiDefinition.IntegrationKey]?["uri"] is not JsonObject uri)
        {
            return false;
        }
        var sub = uri["Fn::Sub"].AsString() ?? "";
        var match = Regex.Match(sub, @"([A-Za-z0-9]+\.Arn)");
        return match.Success && match.Value[..^".Arn".Length] == functionId;
    }
}
