using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Sam.Apis;

/// <summary>
/// Conditions of functions carried over to the APIs their events build: a path whose every method belongs to a
/// conditional function becomes conditional itself (on the one condition, or on a new Fn::Or condition
/// &lt;Api&gt;&lt;Path&gt;PathCondition), and an implicit API whose every method is conditional gets a Condition too —
/// so that when the conditions are false CloudFormation creates neither routes nor an empty API. Likewise its
/// DeletionPolicy / UpdateReplacePolicy follow the functions' (Retain wins).
/// </summary>
internal sealed class ApiConditions
{
    private const int MaxOrOperands = 10;

    private readonly Dictionary<string, Dictionary<string, Dictionary<string, string?>>> _byApi = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string? Deletion, string? UpdateReplace)>> _policies = new(StringComparer.Ordinal);

    public void Record(string apiId, string path, string method, JsonObject function)
    {
        if (!_byApi.TryGetValue(apiId, out var paths))
        {
            _byApi[apiId] = paths = new(StringComparer.Ordinal);
        }
        if (!paths.TryGetValue(path, out var methods))
        {
            paths[path] = methods = new(StringComparer.Ordinal);
        }
        methods[ApiDefinition.NormalizeMethod(method)] = function["Condition"].AsString();
        if (!_policies.TryGetValue(apiId, out var policies))
        {
            _policies[apiId] = policies = [];
        }
        policies.Add((function["DeletionPolicy"].AsString(), function["UpdateReplacePolicy"].AsString()));
    }

    public void Forget(string apiId)
    {
        _byApi.Remove(apiId);
        _policies.Remove(apiId);
    }

    public void Apply(SamDocument document, string implicitId, string apiType)
    {
        if (_byApi.TryGetValue(implicitId, out var implicitPaths) && document.Resources[implicitId] is JsonObject implicitApi)
        {
            var all = implicitPaths.Values.SelectMany(m => m.Values).ToList();
            if (all.Count > 0 && all.All(c => c is not null))
            {
                implicitApi["Condition"] = Combine(document, all!, implicitId + "Condition");
            }
            var policies = _policies[implicitId];
            SetPolicy(implicitApi, "DeletionPolicy", policies.Select(p => p.Deletion).ToList(), ["Retain", "Delete"]);
            SetPolicy(implicitApi, "UpdateReplacePolicy", policies.Select(p => p.UpdateReplace).ToList(), ["Retain", "Snapshot", "Delete"]);
        }
        foreach (var (apiId, api) in document.OfType(apiType))
        {
            var properties = SamDocument.PropertiesOf(api);
            if (properties[SamDocument.ManagedBodyFlag] is null || properties["DefinitionBody"] is not JsonObject body
                || !_byApi.TryGetValue(apiId, out var paths))
            {
                continue;
            }
            foreach (var (path, item) in ApiDefinition.Paths(body).ToList())
            {
                if (!paths.TryGetValue(path, out var methods) || methods.Values.Any(c => c is null))
                {
                    continue;
                }
                var name = apiId + path.Replace("/", "SLASH", StringComparison.Ordinal).Replace("{", "OB", StringComparison.Ordinal)
                    .Replace("}", "CB", StringComparison.Ordinal) + "PathCondition";
                var condition = Combine(document, methods.Values!, name);
                ApiDefinition.Paths(body)[path] = Cfn.If(condition, item?.DeepClone(), Cfn.NoValue());
            }
        }
    }

    /// <summary>The one distinct condition, or a new Fn::Or condition over them (chained per 10 operands).</summary>
    private static string Combine(SamDocument document, IEnumerable<string> conditions, string name)
    {
        var distinct = conditions.Distinct().Order(StringComparer.Ordinal).ToList();
        if (distinct.Count == 1)
        {
            return distinct[0];
        }
        var extra = (int)Math.Ceiling((distinct.Count - 1) / (double)(MaxOrOperands - 1)) - 1;
        while (distinct.Count > 1)
        {
            var current = extra > 0 ? $"{name}{extra--}" : name;
            document.Conditions[current] = new JsonObject
            {
                ["Fn::Or"] = new JsonArray([.. distinct.Take(MaxOrOperands).Select(c => (JsonNode)new JsonObject { ["Condition"] = c })]),
            };
            distinct = [.. distinct.Skip(MaxOrOperands), current];
        }
        return name;
    }

    private static void SetPolicy(JsonObject api, string attribute, List<string?> policies, string[] precedence)
    {
        if (policies.All(p => p is null))
        {
            return;
        }
        var chosen = precedence.FirstOrDefault(p => policies.Contains(p));
        if (chosen is not null)
        {
            api[attribute] = chosen;
        }
    }
}
