using System.Text.Json;
using Stratus.Lambda.Tests.Infrastructure;
using Xunit;

namespace Stratus.Lambda.Tests.Bootstrap;

/// <summary>Handlers that cannot be loaded: an init error worded as AWS's .NET runtime words it, then the process exits.</summary>
public sealed class DotNetBootstrapInitErrorTests
{
    [Theory]
    [InlineData("Missing::Some.Type::Method", "Could not find the specified handler assembly with the file name 'Missing, Culture=neutral, PublicKeyToken=null'. The assembly should be located in the root of your uploaded .zip file.")]
    [InlineData("Stratus.Lambda.TestFunctions::Nope.Type::Handle", "Unable to load type 'Nope.Type' from assembly 'Stratus.Lambda.TestFunctions'.")]
    [InlineData("Stratus.Lambda.TestFunctions::Stratus.Lambda.TestFunctions.Functions::Absent", "Unable to find method 'Absent' in type 'Stratus.Lambda.TestFunctions.Functions' from assembly 'Stratus.Lambda.TestFunctions': Found no methods matching method name 'Absent'.")]
    [InlineData("not-a-handler", "Invalid lambda function handler: 'not-a-handler'. The valid format is 'ASSEMBLY::TYPE::METHOD'.")]
    [InlineData("../../etc/passwd::T::M", "Invalid lambda function handler: '../../etc/passwd::T::M'. The valid format is 'ASSEMBLY::TYPE::METHOD'.")]
    public async Task UnloadableHandlerIsReportedAsLambdaException(string handler, string message)
    {
        var (outcome, exitCode) = await StartAndWaitForInitErrorAsync(handler);

        Assert.Equal("LambdaException", outcome.ErrorTypeHeader);
        var error = JsonSerializer.Deserialize<LambdaErrorResponse>(outcome.Body)!;
        Assert.Equal("LambdaException", error.ErrorType);
        Assert.Equal(message, error.ErrorMessage);
        Assert.Equal(1, exitCode);
    }

    [Fact]
    public async Task OverloadedMethodIsAmbiguous()
    {
        var (outcome, _) = await StartAndWaitForInitErrorAsync("Stratus.Lambda.TestFunctions::Stratus.Lambda.TestFunctions.Functions::Overloaded");

        var error = JsonSerializer.Deserialize<LambdaErrorResponse>(outcome.Body)!;
        Assert.StartsWith("The method 'Overloaded' in type 'Stratus.Lambda.TestFunctions.Functions' appears to have a number of overloads.", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConstructorFailureCarriesItsCause()
    {
        var (outcome, _) = await StartAndWaitForInitErrorAsync("Stratus.Lambda.TestFunctions::Stratus.Lambda.TestFunctions.BrokenConstructor::Handle");

        var error = JsonSerializer.Deserialize<LambdaErrorResponse>(outcome.Body)!;
        Assert.Equal("LambdaException", error.ErrorType);
        Assert.Equal("An exception was thrown when the constructor for type 'Stratus.Lambda.TestFunctions.BrokenConstructor' was invoked. Check inner exception for more details.", error.ErrorMessage);
        Assert.Equal("TargetInvocationException", error.Cause?.ErrorType);
        Assert.Equal("ArithmeticException", error.Cause?.Cause?.ErrorType);
        Assert.Equal("Sorry, 2 + 2 = 5", error.Cause?.Cause?.ErrorMessage);
    }

    private static async Task<(InvocationOutcome Outcome, int ExitCode)> StartAndWaitForInitErrorAsync(string handler)
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var function = FunctionProcess.StartDotNet(api, handler);
        var outcome = await api.InitErrorAsync();
        var exitCode = await function.WaitForExitAsync(TimeSpan.FromSeconds(20));
        return (outcome, exitCode);
    }
}
