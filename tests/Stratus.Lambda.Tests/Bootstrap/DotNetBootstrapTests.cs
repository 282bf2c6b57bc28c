using System.Text.Json;
using Stratus.Lambda.Tests.Infrastructure;
using Xunit;

namespace Stratus.Lambda.Tests.Bootstrap;

/// <summary>The class-library bootstrap, run as a process against the fake Runtime API, serving Stratus.Lambda.TestFunctions.</summary>
public sealed class DotNetBootstrapTests
{
    private const string Functions = "Stratus.Lambda.TestFunctions::Stratus.Lambda.TestFunctions.Functions::";

    [Fact]
    public async Task InstanceHandlerGetsCaseInsensitiveInputAndContextFromOneInstance()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var function = FunctionProcess.StartDotNet(api, Functions + "GreetAsync");

        var first = await api.InvokeAsync("""{"name":"Ada","born":"1815-12-10T00:00:00Z"}""", new InvocationHeaders { RequestId = "req-1" });
        var second = await api.InvokeAsync("""{"NAME":"Grace","Born":-1990137600}""", new InvocationHeaders { RequestId = "req-2" });

        Assert.False(first.IsError, first.Body);
        Assert.Equal("""{"Message":"Hello Ada, born 1815-12-10","RequestId":"req-1","Instances":1}""", first.Body);
        Assert.Equal("""{"Message":"Hello Grace, born 1906-12-09","RequestId":"req-2","Instances":1}""", second.Body);
        await function.WaitForOutputAsync(output => output.Contains("\treq-1\tinfo\tgreeting Ada", StringComparison.Ordinal));
        await function.WaitForOutputAsync(output => output.Contains("\treq-1\tinfo\tconsole says hi to Ada", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StaticHandlerOverAnAwsEventType()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var function = FunctionProcess.StartDotNet(api, "Stratus.Lambda.TestFunctions::Stratus.Lambda.TestFunctions.QueueFunctions::Handle");

        var outcome = await api.InvokeAsync("""
            {"Records":[
              {"messageId":"m1","body":"ok","eventSource":"aws:sqs"},
              {"messageId":"m2","body":"fail","eventSource":"aws:sqs"}]}
            """);

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"m2"}]}""", outcome.Body);
    }

    [Theory]
    [InlineData("Upper", "\"shout\"", "\"SHOUT\"")]
    [InlineData("Reverse", "abc", "cba")]
    [InlineData("Nothing", """{"Name":"x"}""", "")]
    [InlineData("Sum", "[1,2,3]", "6")]
    [InlineData("DependencyLocation", "\"dep\"", "\"dep:CsvHelper.dll\"")]
    public async Task SupportedSignatures(string method, string payload, string expected)
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var function = FunctionProcess.StartDotNet(api, Functions + method);

        var outcome = await api.InvokeAsync(payload);

        Assert.False(outcome.IsError, outcome.Body + function.Output);
        Assert.Equal(expected, outcome.Body);
    }

    [Fact]
    public async Task HandlerExceptionIsAnInvocationErrorAndTheProcessServesOn()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var function = FunctionProcess.StartDotNet(api, Functions + "Fail");

        var failed = await api.InvokeAsync("""{"Name":"Mallory"}""");
        var unreadable = await api.InvokeAsync("""{"Name":""");

        Assert.True(failed.IsError);
        Assert.Equal("InvalidOperationException", failed.ErrorTypeHeader);
        var error = JsonSerializer.Deserialize<LambdaErrorResponse>(failed.Body)!;
        Assert.Equal("Mallory is not welcome", error.ErrorMessage);
        Assert.Equal("JsonSerializerException", JsonSerializer.Deserialize<LambdaErrorResponse>(unreadable.Body)!.ErrorType);
    }
}
