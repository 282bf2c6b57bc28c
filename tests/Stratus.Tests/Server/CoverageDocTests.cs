using Stratus.Server;
using Stratus.Tests.Support;
using Xunit;

namespace Stratus.Tests.Server;

public sealed class CoverageDocTests(CloudFixture fixture) : IClassFixture<CloudFixture>
{
    [Fact]
    public void DocsCoverageMatchesWhatThisBuildImplements()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Stratus.slnx"))) root = Path.GetDirectoryName(root)!;
        var expected = CoverageReport.Render(fixture.Cloud.Server.Services);
        var actual = File.ReadAllText(Path.Combine(root, "docs", "coverage.md"));
        Assert.True(expected == actual, "docs/coverage.md is stale: run `dotnet run --project src/Stratus -- coverage > docs/coverage.md`");
    }
}
