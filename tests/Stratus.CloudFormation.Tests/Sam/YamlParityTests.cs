using Stratus.Services.CloudFormation.Templates;
using Xunit;

namespace Stratus.CloudFormation.Tests.Sam;

/// <summary>Stratus's YAML reading (scalar typing, block scalars, short-form tags) agrees with the SAM translator's
/// YAML loader on every template in SamTemplates/, including one made of the tricky forms.</summary>
public sealed class YamlParityTests
{
    public static TheoryData<string> Files
    {
        get
        {
            var files = new TheoryData<string> { "yaml-scalars.yaml" };
            foreach (var name in SamOracleTests.Templates)
            {
                files.Add(name);
            }
            return files;
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task YamlIsReadAsTheTranslatorReadsIt(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "SamTemplates", name);
        var expected = await SamOracle.ParseAsync(path);
        var actual = Template.Parse(await File.ReadAllTextAsync(path)).Root;
        var differences = SamComparison.Differences(expected, actual);
        Assert.True(differences.Count == 0, $"{name}:\n{string.Join("\n", differences)}");
    }
}
