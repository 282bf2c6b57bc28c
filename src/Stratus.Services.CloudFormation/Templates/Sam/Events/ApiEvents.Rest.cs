using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates.Sam.Apis;

namespace Stratus.Services.CloudFormation.Templates.Sam.Events;

internal static partial class ApiEvents
{
    public static void ExpandRest(EventContext context)
    {
        var restApiIdNode = context.Required("RestApiId")!;
        var path = context.Required("Path").AsString() ?? throw new InvalidSamEventException(context.EventId, "Path must be a string.");
        var method = (context.Required("Method").AsString() ?? throw new InvalidSamEventException(context.EventId, "Method must be a string."))
            .ToLowerInvariant();
        var apiId = ImplicitApis.ApiId(restApiIdNode);
        JsonObject? api = null;
        var stageSuffix = "AllStages";
        if (apiId is not null)
        {
            api = context.Document.Resources[apiId] as JsonObject
                ?? throw new InvalidSamEventException(context.EventId, "RestApiId property of Api event must reference a valid resource in the same template.");
            var stageName = SamDocument.PropertiesOf(api)["StageName"];
            stageSuffix = stageName.TryGetString(out var name)
                ? name.Length > 0 ? name : throw new InvalidSamResourceException(apiId, "StageName cannot be empty.")
                : "Stage";
        }
        var verb = method == "any" ? "*" : method.ToUpperInvariant();
        var sourceArn = Cfn.Sub(
            $"arn:{context.Document.Partition}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{__ApiId__}}/${{__Stage__}}/{verb}{ApiDefinition.PathForArn(path)}",
            new JsonObject { ["__ApiId__"] = restApiIdNode.DeepClone(), ["__Stage__"] = "*" });
        context.AddPermission("apigateway.amazonaws.com", sourceArn: sourceArn, suffix: stageSuffix);

        if (api is null)
        {
            return;
        }
        var apiProperties = SamDocument.PropertiesOf(api);
        if (apiProperties[SamDocument.ManagedBodyFlag] is null || apiProperties["DefinitionBody"] is not JsonObject body)
        {
            return;
        }
        if (ApiDefinition.HasIntegration(body, path, method))
        {
            throw new InvalidSamEventException(context.EventId, $"API method \"{method}\" defined multiple times for path \"{path}\".");
        }
        var integration = new JsonObject
        {
            ["type"] = "aws_proxy",
            ["httpMethod"] = "POST",
            ["uri"] = context.Target.IntegrationUri(context.Document.Partition),
        };
        ApiDefinition.AddLambdaIntegration(body, path, method, integration, context.Target.Condition);
        var operation = ApiDefinition.Operation(body, path, method)!;
        if (context.Properties["Auth"] is JsonObject auth)
        {
            RestApiAuth.ApplyToEvent(context, body, apiProperties["Auth"] as JsonObject, operation, auth, path, method);
        }
        if (context.Properties["TimeoutInMillis"] is { } timeout)
        {
            ((JsonObject)operation[ApiDefinition.IntegrationKey]!)["timeoutInMillis"] = timeout.DeepClone();
        }
        if (context.Properties["RequestModel"] is not null || context.Properties["RequestParameters"] is not null)
        {
            throw new InvalidSamEventException(context.EventId, "Stratus does not support RequestModel or RequestParameters on Api events yet.");
        }
    }
}
