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
        if (IamCredentials(context, apiProperties["Auth"] as JsonObject) is { } credentials)
        {
            integration["credentials"] = credentials;
        }
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

    /// <summary>
    /// Methods behind the AWS_IAM authorizer call the function with the caller's credentials unless an InvokeRole says
    /// otherwise (SAM writes arn:aws:iam::*:user/* for CALLER_CREDENTIALS, the default; NONE writes nothing).
    /// </summary>
    private static string? IamCredentials(EventContext context, JsonObject? apiAuth)
    {
        var eventAuth = context.Properties["Auth"] as JsonObject;
        var usesIam = eventAuth?["Authorizer"].AsString() == "AWS_IAM"
            || (apiAuth?["DefaultAuthorizer"].AsString() == "AWS_IAM" && (eventAuth is null || eventAuth.Count == 0));
        if (!usesIam)
        {
            return null;
        }
        static string? Role(JsonObject? auth) => auth is null || !auth.ContainsKey("InvokeRole") ? null : auth["InvokeRole"].AsString() ?? "NONE";
        var role = Role(eventAuth) ?? Role(apiAuth);
        var credentials = role is not null && role != "CALLER_CREDENTIALS" ? role : $"arn:{context.Document.Partition}:iam::*:user/*";
        return credentials == "NONE" ? null : credentials;
    }
}
