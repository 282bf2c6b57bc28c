using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates;
using Stratus.Services.CloudFormation.Templates.Sam;
using Xunit;

namespace Stratus.CloudFormation.Tests.Sam;

/// <summary>Each template in SamTemplates/ expanded by Stratus and by AWS's SAM translator must agree (see
/// <see cref="SamComparison"/> for the only normalizations).</summary>
public sealed class SamOracleTests
{
    public static TheoryData<string> Templates => new()
    {
        "function-basics.yaml",
        "policies.yaml",
        "globals.yaml",
        "auto-publish-alias.yaml",
        "httpapi-implicit.yaml",
        "httpapi-explicit.yaml",
        "restapi-implicit.yaml",
        "restapi-explicit.yaml",
        "sqs-dynamodb.yaml",
        "s3-sns.yaml",
        "schedule-eventbridge-cognito.yaml",
        "jobs.yaml",
        "conditions.yaml",
        "restapi-openapi3.yaml",
    };

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task ExpansionMatchesTheSamTranslator(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "SamTemplates", name);
        var expected = SamComparison.Normalize(await SamOracle.TransformAsync(path));
        var template = Template.Parse(await File.ReadAllTextAsync(path));
        var actual = SamComparison.Normalize(SamTransform.Transform(template, new SamTransformOptions { Region = "us-east-1" }).Root);

        var expectedResources = (JsonObject)expected["Resources"]!;
        var actualResources = (JsonObject)actual["Resources"]!;
        Assert.Equal(
            expectedResources.Select(r => $"{r.Key} {r.Value!["Type"]}").Order(StringComparer.Ordinal),
            actualResources.Select(r => $"{r.Key} {r.Value!["Type"]}").Order(StringComparer.Ordinal));
        var differences = SamComparison.Differences(expected, actual);
        Assert.True(differences.Count == 0, $"{name}: {differences.Count} differences from the SAM translator:\n{string.Join("\n", differences)}");
    }
}
