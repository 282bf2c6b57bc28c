using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Sam.Events;

/// <summary>
/// Cognito events: the function becomes the user pool's trigger(s) in its LambdaConfig, with a permission for
/// cognito-idp.amazonaws.com named &lt;Function&gt;CognitoPermission.
/// </summary>
internal static class CognitoEvents
{
    public static void Expand(EventContext context)
    {
        var pool = context.ReferencedResource("UserPool", out var poolId)
            ?? throw new InvalidSamEventException(context.EventId, "Cognito events must reference a Cognito UserPool in the same template.");
        var triggers = context.Required("Trigger") switch
        {
            JsonArray list => [.. list.Select(t => t.AsString() ?? "")],
            var one => new List<string> { one.AsString() ?? "" },
        };
        context.AddPermission("cognito-idp.amazonaws.com", sourceArn: Cfn.GetAtt(poolId, "Arn"), prefix: context.Target.FunctionId + "Cognito");
        var properties = SamDocument.PropertiesOf(pool);
        if (properties["LambdaConfig"] is not JsonObject lambdaConfig)
        {
            properties["LambdaConfig"] = lambdaConfig = [];
        }
        foreach (var trigger in triggers)
        {
            if (lambdaConfig.ContainsKey(trigger))
            {
                throw new InvalidSamEventException(context.EventId, $"Cognito trigger \"{trigger}\" defined multiple times.");
            }
            lambdaConfig[trigger] = context.Target.Arn;
        }
    }
}
