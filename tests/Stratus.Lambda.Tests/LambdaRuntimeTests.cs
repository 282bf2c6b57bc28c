using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Stratus.Lambda.Tests.Infrastructure;
using Xunit;

namespace Stratus.Lambda.Tests;

public sealed record Order(string Id, int Quantity);

public sealed record Receipt(string OrderId, int Total, string RequestId);

[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Receipt))]
public sealed partial class TestJsonContext : JsonSerializerContext;

public sealed class LambdaRuntimeTests
{
    [Fact]
    public async Task TypedHandlerAnswersEachEventWithItsResult()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        harness.Run((options, stop) => LambdaRuntime.RunAsync(
            (Order order, ILambdaContext context) => Task.FromResult(new Receipt(order.Id, order.Quantity * 10, context.AwsRequestId)),
            TestJsonContext.Default.Order,
            TestJsonContext.Default.Receipt,
            options,
            stop));

        var first = await harness.Api.InvokeAsync("""{"Id":"o-1","Quantity":3}""", new InvocationHeaders { RequestId = "req-1" });
        var second = await harness.Api.InvokeAsync("""{"Id":"o-2","Quantity":5}""", new InvocationHeaders { RequestId = "req-2" });

        Assert.False(first.IsError);
        Assert.Equal("""{"OrderId":"o-1","Total":30,"RequestId":"req-1"}""", first.Body);
        Assert.Equal("""{"OrderId":"o-2","Total":50,"RequestId":"req-2"}""", second.Body);
    }

    [Fact]
    public async Task HandlerExceptionBecomesAnErrorAndTheLoopKeepsServing()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        harness.Run((options, stop) => LambdaRuntime.RunAsync(
            (Order order, ILambdaContext _) => order.Quantity < 0
                ? throw new InvalidOperationException($"Quantity {order.Quantity} is negative")
                : Task.FromResult(new Receipt(order.Id, order.Quantity, "")),
            TestJsonContext.Default.Order,
            TestJsonContext.Default.Receipt,
            options,
            stop));

        var failed = await harness.Api.InvokeAsync("""{"Id":"bad","Quantity":-1}""");
        var next = await harness.Api.InvokeAsync("""{"Id":"good","Quantity":1}""");

        Assert.True(failed.IsError);
        Assert.Equal("InvalidOperationException", failed.ErrorTypeHeader);
        var error = JsonSerializer.Deserialize<LambdaErrorResponse>(failed.Body)!;
        Assert.Equal("InvalidOperationException", error.ErrorType);
        Assert.Equal("Quantity -1 is negative", error.ErrorMessage);
        Assert.NotNull(error.StackTrace);
        Assert.Contains(error.StackTrace!, frame => frame.StartsWith("at ", StringComparison.Ordinal));
        Assert.False(next.IsError);
        Assert.Contains("Quantity -1 is negative", harness.Log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedPayloadIsReportedAsJsonSerializerException()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        harness.Run((options, stop) => LambdaRuntime.RunAsync(
            (Order order, ILambdaContext _) => Task.CompletedTask, TestJsonContext.Default.Order, options, stop));

        var outcome = await harness.Api.InvokeAsync("{not json");

        Assert.True(outcome.IsError);
        var error = JsonSerializer.Deserialize<LambdaErrorResponse>(outcome.Body)!;
        Assert.Equal("JsonSerializerException", error.ErrorType);
        Assert.StartsWith("Error converting the Lambda event JSON payload to type Stratus.Lambda.Tests.Order", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("JsonException", error.Cause?.ErrorType);
    }

    [Fact]
    public async Task VoidHandlerAnswersAnEmptyBody()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        var seen = new List<string>();
        harness.Run((options, stop) => LambdaRuntime.RunAsync(
            (Order order, ILambdaContext _) =>
            {
                seen.Add(order.Id);
                return Task.CompletedTask;
            },
            TestJsonContext.Default.Order,
            options,
            stop));

        var outcome = await harness.Api.InvokeAsync("""{"Id":"o-9","Quantity":1}""");

        Assert.False(outcome.IsError);
        Assert.Equal("", outcome.Body);
        Assert.Equal(["o-9"], seen);
    }

    [Fact]
    public async Task StreamAndBytesHandlersSeeTheRawPayload()
    {
        await using var streams = await RuntimeHarness.StartAsync();
        streams.Run((options, stop) => LambdaRuntime.RunStreamAsync(
            async (input, _) =>
            {
                using var reader = new StreamReader(input);
                var text = await reader.ReadToEndAsync();
                return new MemoryStream(Encoding.UTF8.GetBytes(text.ToUpperInvariant()));
            },
            options,
            stop));
        await using var bytes = await RuntimeHarness.StartAsync();
        bytes.Run((options, stop) => LambdaRuntime.RunBytesAsync(
            (input, _) => Task.FromResult<ReadOnlyMemory<byte>>(input.ToArray().Reverse().ToArray()),
            options,
            stop));

        var big = new string('x', 100_000) + "end";
        var streamed = await streams.Api.InvokeAsync(big);
        var reversed = await bytes.Api.InvokeAsync("abc");

        Assert.Equal(big.ToUpperInvariant(), streamed.Body);
        Assert.Equal("cba", reversed.Body);
    }

    [Fact]
    public async Task InitErrorIsPostedWithTheExceptionsType()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        var options = new LambdaRuntimeOptions { RuntimeApi = api.Address, LogOutput = TextWriter.Null, Environment = RuntimeHarness.TestEnvironment() };

        await LambdaRuntime.ReportInitErrorAsync(new FileNotFoundException("config.json is missing"), options);

        var outcome = await api.InitErrorAsync();
        Assert.Equal("FileNotFoundException", outcome.ErrorTypeHeader);
        var error = JsonSerializer.Deserialize<LambdaErrorResponse>(outcome.Body)!;
        Assert.Equal("FileNotFoundException", error.ErrorType);
        Assert.Equal("config.json is missing", error.ErrorMessage);
    }

    [Fact]
    public async Task LoopEndsWhenTheRuntimeApiFailsNext()
    {
        var api = await FakeRuntimeApi.StartAsync();
        var options = new LambdaRuntimeOptions { RuntimeApi = api.Address, LogOutput = TextWriter.Null, Environment = RuntimeHarness.TestEnvironment() };
        var loop = LambdaRuntime.RunBytesAsync((input, _) => Task.FromResult(input), options);

        // The fake answers 500 to a pending /next when it shuts down: the runtime must give up, not spin.
        await api.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => loop.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
