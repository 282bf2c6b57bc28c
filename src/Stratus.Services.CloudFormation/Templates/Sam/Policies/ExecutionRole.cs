using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Sam.Policies;

/// <summary>
/// The IAM role SAM generates for a function (<c>&lt;Function&gt;Role</c>): Lambda's trust policy, the basic execution
/// managed policy, managed policies named in Policies, and one inline policy per statement or policy template entry
/// (<c>&lt;Role&gt;Policy&lt;index&gt;</c>). Event sources add what they need (e.g. the SQS poller managed policy).
/// </summary>
internal static class ExecutionRole
{
    public static JsonObject LambdaTrustPolicy() => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Action"] = new JsonArray("sts:AssumeRole"),
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Service"] = new JsonArray("lambda.amazonaws.com") },
        }),
    };

    /// <summary>Builds the role's properties from the function's Policies and what the function itself needs.</summary>
    public static JsonObject Build(
        SamDocument document,
        string functionId,
        JsonObject functionProperties,
        IReadOnlyList<string> managedPolicyArns,
        IReadOnlyList<JsonObject> extraPolicies,
        JsonArray tags)
    {
        var roleId = functionId + "Role";
        var managed = new JsonArray([.. managedPolicyArns.Select(a => (JsonNode)JsonValue.Create(a))]);
        var inline = new JsonArray();
        var index = 0;
        foreach (var entry in PolicyEntries(functionProperties["Policies"]))
        {
            AddEntry(document, functionId, roleId, index, entry, managed, inline);
            index++;
        }
        foreach (var extra in extraPolicies)
        {
            inline.Add(extra);
        }
        var properties = new JsonObject
        {
            ["AssumeRolePolicyDocument"] = functionProperties["AssumeRolePolicyDocument"]?.DeepClone() ?? LambdaTrustPolicy(),
            ["ManagedPolicyArns"] = managed,
        };
        if (inline.Count > 0)
        {
            properties["Policies"] = inline;
        }
        properties.Set("Path", functionProperties["RolePath"]);
        properties.Set("PermissionsBoundary", functionProperties["PermissionsBoundary"]);
        properties["Tags"] = tags;
        return properties;
    }

    /// <summary>Policies may be one entry or a list of entries.</summary>
    public static IReadOnlyList<JsonNode?> PolicyEntries(JsonNode? policies) => policies switch
    {
        null => [],
        JsonArray list => [.. list],
        _ => [policies],
    };

    private static void AddEntry(SamDocument document, string functionId, string roleId, int index, JsonNode? entry, JsonArray managed, JsonArray inline)
    {
        if (entry.TryGetString(out var name))
        {
            AddManaged(managed, JsonValue.Create(ManagedPolicies.Arn(document.Partition, name)));
            return;
        }
        if (entry is JsonObject conditional && conditional.IsIntrinsic(out var function, out var argument) && function == "Fn::If"
            && argument is JsonArray { Count: 3 } branches)
        {
            var isManaged = branches[1].AsString() is not null || branches[2].AsString() is not null;
            if (isManaged)
            {
                AddManaged(managed, Cfn.If(branches[0]!.GetValue<string>(), ManagedBranch(document, branches[1]), ManagedBranch(document, branches[2])));
            }
            else
            {
                inline.Add(Cfn.If(branches[0]!.GetValue<string>(),
                    InlineBranch(functionId, roleId, index, branches[1]),
                    InlineBranch(functionId, roleId, index, branches[2])));
            }
            return;
        }
        if (entry.IsIntrinsic(out _, out _))
        {
            AddManaged(managed, entry!.DeepClone());
            return;
        }
        inline.Add(InlineBranch(functionId, roleId, index, entry));
    }

    private static JsonNode? ManagedBranch(SamDocument document, JsonNode? branch) =>
        branch.TryGetString(out var name) ? JsonValue.Create(ManagedPolicies.Arn(document.Partition, name)) : branch?.DeepClone();

    private static JsonNode InlineBranch(string functionId, string roleId, int index, JsonNode? entry)
    {
        if (entry is JsonObject noValue && noValue.IsIntrinsic(out var f, out var a) && f == "Ref" && a.AsString() == "AWS::NoValue")
        {
            return noValue.DeepClone();
        }
        JsonObject statement;
        if (entry is JsonObject map && map.ContainsKey("Statement"))
        {
            statement = (JsonObject)map.DeepClone();
        }
        else
        {
            throw new InvalidSamResourceException(functionId, $"Policy at index {index} in the 'Policies' property is not valid");
        }
        return new JsonObject { ["PolicyName"] = $"{roleId}Policy{index}", ["PolicyDocument"] = statement };
    }

    /// <summary>Adds a managed policy ARN unless the role already has it.</summary>
    public static void AddManaged(JsonArray managed, JsonNode arn)
    {
        if (!managed.Any(existing => JsonNode.DeepEquals(existing, arn)))
        {
            managed.Add(arn);
        }
    }

    /// <summary>Adds an inline policy unless one with the same document is already there.</summary>
    public static void AddInline(JsonObject roleProperties, JsonObject policy)
    {
        var policies = roleProperties["Policies"] as JsonArray;
        if (policies is null)
        {
            roleProperties["Policies"] = policies = [];
        }
        if (!policies.Any(p => JsonNode.DeepEquals(p?["PolicyDocument"], policy["PolicyDocument"])))
        {
            policies.Add(policy);
        }
    }
}
