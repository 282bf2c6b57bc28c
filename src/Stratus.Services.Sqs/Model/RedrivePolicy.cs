using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stratus.Services.Sqs.Model;

/// <summary>A queue's RedrivePolicy: where messages go once received more than maxReceiveCount times.</summary>
internal sealed record RedrivePolicy(string DeadLetterTargetArn, int MaxReceiveCount)
{
    public static RedrivePolicy? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            if (JsonNode.Parse(json) is not JsonObject o) return null;
            var arn = o["deadLetterTargetArn"]?.GetValue<string>();
            var count = o["maxReceiveCount"] switch
            {
                JsonValue v when v.TryGetValue<int>(out var n) => n,
                JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
                _ => 0,
            };
            return arn is null || count < 1 || count > 1000 ? null : new RedrivePolicy(arn, count);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}

/// <summary>A dead-letter queue's RedriveAllowPolicy: which source queues may use it.</summary>
internal static class RedriveAllowPolicy
{
    /// <summary>True when <paramref name="sourceArn"/> may send dead letters to a queue with this policy.</summary>
    public static bool Allows(string? policyJson, string sourceArn)
    {
        if (string.IsNullOrEmpty(policyJson)) return true;
        try
        {
            if (JsonNode.Parse(policyJson) is not JsonObject o) return true;
            return o["redrivePermission"]?.GetValue<string>() switch
            {
                "denyAll" => false,
                "byQueue" => o["sourceQueueArns"] is JsonArray arns && arns.Any(a => a?.GetValue<string>() == sourceArn),
                _ => true,
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return true;
        }
    }

    public static bool IsValid(string json)
    {
        try
        {
            if (JsonNode.Parse(json) is not JsonObject o) return false;
            var permission = o["redrivePermission"]?.GetValue<string>();
            if (permission is not ("allowAll" or "denyAll" or "byQueue")) return false;
            var arns = o["sourceQueueArns"] as JsonArray;
            return permission == "byQueue" ? arns is { Count: > 0 and <= 10 } : arns is null || arns.Count == 0;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}
