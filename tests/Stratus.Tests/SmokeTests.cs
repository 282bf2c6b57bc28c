namespace Stratus.Tests;
public sealed class SmokeTests { [Xunit.Fact] public void Works() => Xunit.Assert.True(true); }
