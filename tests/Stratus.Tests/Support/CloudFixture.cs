using Stratus.Testing;
using Xunit;

namespace Stratus.Tests.Support;

/// <summary>One in-process Stratus per test class (xunit class fixture).</summary>
public sealed class CloudFixture : IAsyncLifetime
{
    private StratusCloud? _cloud;

    public StratusCloud Cloud => _cloud ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _cloud = await StratusCloud.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cloud is not null) await _cloud.DisposeAsync();
    }
}
