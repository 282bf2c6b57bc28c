using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Stratus.CloudFormation.Tests.Sam;

/// <summary>
/// Compares Stratus's expansion of a SAM template with the SAM translator's. What legitimately differs is normalized
/// first, and only that:
/// <list type="bullet">
/// <item>the hash in REST API Deployment logical ids (&lt;Api&gt;Deployment&lt;10 hex&gt;) and in their Description
/// ("RestApi deployment id: &lt;sha1&gt;"): SAM hashes Python's repr() of the Swagger body, Stratus hashes the body's
/// canonical JSON — both change exactly when the body changes, but the digits differ;</item>
/// <item>the order of DependsOn lists: SAM builds some (S3 bucket → permissions) from a Python set.</item>
/// </list>
/// Everything else must be equal: the set of logical ids, each resource's Type, attributes and Properties (object key
/// order aside), and the other template sections. Lambda Version and LayerVersion hashes are compared as they are.
/// </summary>
internal static partial class SamComparison
{
    public static JsonObject Normalize(JsonObject template)
    {
        var text = DeploymentId().Replace(template.ToJsonString(), "${api}Deployment#");
        text = DeploymentDescription().Replace(text, "RestApi deployment id: #");
        var normalized = (JsonObject)JsonNode.Parse(text)!;
        foreach (var (_, resource) in normalized["Resources"] as JsonObject ?? [])
        {
            if (resource?["DependsOn"] is JsonArray dependsOn)
            {
                resource["DependsOn"] = new JsonArray([.. dependsOn.Select(d => d!.GetValue<string>()).Order(StringComparer.Ordinal).Select(d => (JsonNode?)d)]);
            }
        }
        return normalized;
    }

    /// <summary>Human-readable differences (empty when equal), with JSON paths.</summary>
    public static List<string> Differences(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        var differences = new List<string>();
        Compare(expected, actual, path, differences);
        return differences;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!e.ContainsKey(key))
                    {
                        differences.Add($"{path}.{key}: unexpected {a[key]?.ToJsonString()}");
                    }
                    else if (!a.ContainsKey(key))
                    {
                        differences.Add($"{path}.{key}: missing, SAM has {e[key]?.ToJsonString()}");
                    }
                    else
                    {
                        Compare(e[key], a[key], $"{path}.{key}", differences);
                    }
                }
                break;
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++)
                {
                    Compare(e[i], a[i], $"{path}[{i}]", differences);
                }
                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    differences.Add($"{path}: SAM has {expected?.ToJsonString() ?? "null"}, Stratus has {actual?.ToJsonString() ?? "null"}");
                }
                break;
        }
    }

    [GeneratedRegex("(?<api>[A-Za-z0-9]+)Deployment[0-9a-f]{10}")]
    private static partial Regex DeploymentId();

    [GeneratedRegex("RestApi deployment id: [0-9a-f]{40}")]
    private static partial Regex DeploymentDescription();
}
