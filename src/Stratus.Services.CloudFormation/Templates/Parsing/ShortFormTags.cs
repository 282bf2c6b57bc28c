using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Parsing;

/// <summary>
/// The YAML short forms of CloudFormation's intrinsic functions (<c>!Ref X</c>, <c>!GetAtt A.B</c>, ...) and the long
/// JSON forms they stand for. See "Intrinsic function reference" in the CloudFormation User Guide.
/// </summary>
internal static class ShortFormTags
{
    private static readonly Dictionary<string, string> _functionByTag = new(StringComparer.Ordinal)
    {
        ["!Ref"] = "Ref",
        ["!Condition"] = "Condition",
        ["!GetAtt"] = "Fn::GetAtt",
        ["!Sub"] = "Fn::Sub",
        ["!Join"] = "Fn::Join",
        ["!If"] = "Fn::If",
        ["!Select"] = "Fn::Select",
        ["!Split"] = "Fn::Split",
        ["!FindInMap"] = "Fn::FindInMap",
        ["!GetAZs"] = "Fn::GetAZs",
        ["!Base64"] = "Fn::Base64",
        ["!Equals"] = "Fn::Equals",
        ["!And"] = "Fn::And",
        ["!Or"] = "Fn::Or",
        ["!Not"] = "Fn::Not",
        ["!ImportValue"] = "Fn::ImportValue",
        ["!Cidr"] = "Fn::Cidr",
        ["!Transform"] = "Fn::Transform",
        ["!Length"] = "Fn::Length",
        ["!ToJsonString"] = "Fn::ToJsonString",
        ["!Contains"] = "Fn::Contains",
        ["!EachMemberEquals"] = "Fn::EachMemberEquals",
        ["!EachMemberIn"] = "Fn::EachMemberIn",
        ["!RefAll"] = "Fn::RefAll",
        ["!ValueOf"] = "Fn::ValueOf",
        ["!ValueOfAll"] = "Fn::ValueOfAll",
    };

    public static bool TryGetFunction(string tag, out string function) => _functionByTag.TryGetValue(tag, out function!);

    /// <summary>Wraps the tagged value in its long form. <c>!GetAtt A.B.C</c> splits at the first dot only, because
    /// logical ids cannot contain dots but attribute names can (e.g. <c>Endpoint.Address</c>).</summary>
    public static JsonObject ToLongForm(string function, JsonNode? value)
    {
        if (function == "Fn::GetAtt" && value is JsonValue scalar && scalar.TryGetValue(out string? dotted))
        {
            var dot = dotted.IndexOf('.', StringComparison.Ordinal);
            JsonArray pair = dot < 0
                ? [dotted]
                : [dotted[..dot], dotted[(dot + 1)..]];
            return new JsonObject { [function] = pair };
        }
        return new JsonObject { [function] = value };
    }
}
