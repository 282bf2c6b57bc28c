using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Sam.Apis;

/// <summary>
/// Auth.UsagePlan of a REST API: with CreateUsagePlan PER_API, an AWS::ApiGateway::UsagePlan for the API's stage, an
/// enabled AWS::ApiGateway::ApiKey and the AWS::ApiGateway::UsagePlanKey joining them.
/// </summary>
internal static class RestApiUsagePlan
{
    private static readonly string[] _planProperties = ["UsagePlanName", "Description", "Quota", "Tags", "Throttle"];

    public static IEnumerable<KeyValuePair<string, JsonObject>> Resources(string apiId, JsonObject? auth, string stageId, JsonObject attributes)
    {
        if (auth?["UsagePlan"] is not { } planNode)
        {
            yield break;
        }
        if (planNode is not JsonObject plan)
        {
            throw new InvalidSamResourceException(apiId, "'UsagePlan' must be a dictionary");
        }
        var create = plan["CreateUsagePlan"].AsString()
            ?? throw new InvalidSamResourceException(apiId, "'CreateUsagePlan' is a required field for UsagePlan.");
        switch (create)
        {
            case "NONE":
                yield break;
            case "SHARED":
                throw new InvalidSamResourceException(apiId, "Stratus does not support CreateUsagePlan: SHARED yet.");
            case not "PER_API":
                throw new InvalidSamResourceException(apiId, "'CreateUsagePlan' accepts one of ['SHARED', 'PER_API', 'NONE'].");
        }
        var planId = apiId + "UsagePlan";
        var keyId = apiId + "ApiKey";
        var usagePlan = new JsonObject
        {
            ["ApiStages"] = new JsonArray(new JsonObject { ["ApiId"] = Cfn.Ref(apiId), ["Stage"] = Cfn.Ref(stageId) }),
        };
        foreach (var name in _planProperties)
        {
            usagePlan.Set(name, plan[name]);
        }
        yield return new(planId, WithDependsOn(Cfn.Resource("AWS::ApiGateway::UsagePlan", usagePlan, attributes), apiId));
        var key = new JsonObject
        {
            ["Enabled"] = true,
            ["StageKeys"] = new JsonArray(new JsonObject { ["RestApiId"] = Cfn.Ref(apiId), ["StageName"] = Cfn.Ref(stageId) }),
        };
        yield return new(keyId, WithDependsOn(Cfn.Resource("AWS::ApiGateway::ApiKey", key, attributes), planId));
        var planKey = new JsonObject { ["KeyId"] = Cfn.Ref(keyId), ["KeyType"] = "API_KEY", ["UsagePlanId"] = Cfn.Ref(planId) };
        yield return new(apiId + "UsagePlanKey", WithDependsOn(Cfn.Resource("AWS::ApiGateway::UsagePlanKey", planKey, attributes), keyId));
    }

    private static JsonObject WithDependsOn(JsonObject resource, string dependency)
    {
        resource["DependsOn"] = new JsonArray(dependency);
        return resource;
    }
}
