using System.Text.Json;
using Stratus.Lambda.Tests.Infrastructure;
using Xunit;

namespace Stratus.Lambda.Tests;

public sealed class LambdaContextTests
{
    [Fact]
    public async Task ContextCarriesTheInvocationHeadersAndTheEnvironment()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        var seen = new TaskCompletionSource<ILambdaContext>();
        harness.Run((options, stop) => LambdaRuntime.RunAsync(
            invocation =>
            {
                seen.TrySetResult(invocation.Context);
                return Task.CompletedTask;
            },
            options,
            stop));

        await harness.Api.InvokeAsync("{}", new InvocationHeaders
        {
            RequestId = "8476a536-e9f4-11e8-9739-2dfe598c3fcd",
            FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:orders:live",
            TraceId = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1",
            ClientContext = """{"client":{"installation_id":"inst-1","app_title":"Shop","app_version_name":"1.2","app_version_code":"12","app_package_name":"com.shop"},"custom":{"tier":"gold"},"env":{"platform":"Android"}}""",
            CognitoIdentity = """{"cognitoIdentityId":"us-east-1:abc","cognitoIdentityPoolId":"us-east-1:pool"}""",
        });
        var context = await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("8476a536-e9f4-11e8-9739-2dfe598c3fcd", context.AwsRequestId);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:orders:live", context.InvokedFunctionArn);
        Assert.Equal("Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1", context.TraceId);
        Assert.Equal("orders", context.FunctionName);
        Assert.Equal("7", context.FunctionVersion);
        Assert.Equal(256, context.MemoryLimitInMB);
        Assert.Equal("/aws/lambda/orders", context.LogGroupName);
        Assert.Equal("2026/11/23/[7]abcdef", context.LogStreamName);
        Assert.Equal("Shop", context.ClientContext?.Client?.AppTitle);
        Assert.Equal("inst-1", context.ClientContext?.Client?.InstallationId);
        Assert.Equal("gold", context.ClientContext?.Custom["tier"]);
        Assert.Equal("Android", context.ClientContext?.Environment["platform"]);
        Assert.Equal("us-east-1:abc", context.Identity?.IdentityId);
        Assert.Equal("us-east-1:pool", context.Identity?.IdentityPoolId);
    }

    [Fact]
    public async Task RemainingTimeCountsDownToTheDeadlineAndStopsAtZero()
    {
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        await using var harness = await RuntimeHarness.StartAsync(time: new FixedTimeProvider(now));
        var remaining = new List<TimeSpan>();
        harness.Run((options, stop) => LambdaRuntime.RunAsync(
            invocation =>
            {
                remaining.Add(invocation.Context.RemainingTime);
                return Task.CompletedTask;
            },
            options,
            stop));

        await harness.Api.InvokeAsync("{}", new InvocationHeaders { DeadlineMs = now.AddMilliseconds(2_500).ToUnixTimeMilliseconds() });
        await harness.Api.InvokeAsync("{}", new InvocationHeaders { DeadlineMs = now.AddSeconds(-1).ToUnixTimeMilliseconds() });

        Assert.Equal([TimeSpan.FromMilliseconds(2_500), TimeSpan.Zero], remaining);
    }

    [Fact]
    public async Task ClientContextAndIdentityAreAbsentWhenNotSentOrMalformed()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        var contexts = new List<(bool HasClient, bool HasIdentity)>();
        harness.Run((options, stop) => LambdaRuntime.RunAsync(
            invocation =>
            {
                contexts.Add((invocation.Context.ClientContext is not null, invocation.Context.Identity is not null));
                return Task.CompletedTask;
            },
            options,
            stop));

        await harness.Api.InvokeAsync("{}");
        await harness.Api.InvokeAsync("{}", new InvocationHeaders { ClientContext = "{broken", CognitoIdentity = "[1]" });

        Assert.Equal([(false, false), (false, false)], contexts);
    }

    [Fact]
    public async Task TraceIdIsExportedAsXAmznTraceIdForTheInvocation()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        harness.Options.SetTraceIdEnvironmentVariable = true;
        var seen = new List<string?>();
        harness.Run((options, stop) => LambdaRuntime.RunAsync(
            invocation =>
            {
                seen.Add(Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"));
                return Task.CompletedTask;
            },
            options,
            stop));

        await harness.Api.InvokeAsync("{}", new InvocationHeaders { TraceId = "Root=1-aaa" });
        await harness.Api.InvokeAsync("{}");

        Assert.Equal(["Root=1-aaa", null], seen);
    }

    [Fact]
    public async Task TextLogLinesCarryTimestampRequestIdAndLevelOnOneLine()
    {
        await using var harness = await RuntimeHarness.StartAsync();
        harness.Run((options, stop) => LambdaRuntime.RunAsync(
            invocation =>
            {
                invocation.Context.Logger.LogLine("first line\nsecond line");
                invocation.Context.Logger.LogWarning("careful");
                return Task.CompletedTask;
            },
            options,
            stop));

        await harness.Api.InvokeAsync("{}", new InvocationHeaders { RequestId = "req-text" });

        var lines = harness.Log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        var info = lines.Single(line => line.Contains("first line", StringComparison.Ordinal)).Split('\t');
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", info[0]);
        Assert.Equal(["req-text", "info", "first line\rsecond line"], info[1..]);
        Assert.Contains(lines, line => line.EndsWith("\treq-text\twarn\tcareful", StringComparison.Ordinal));
    }

    [Fact]
    public async Task JsonLogFormatWritesOneObjectPerLineAndHonoursTheLevel()
    {
        var environment = new LambdaEnvironment { LogFormat = LambdaLogFormat.Json, MinimumLogLevel = LambdaLogLevel.Information };
        await using var harness = await RuntimeHarness.StartAsync(environment);
        harness.Run((options, stop) => LambdaRuntime.RunAsync(
            invocation =>
            {
                invocation.Context.Logger.LogDebug("hidden");
                invocation.Context.Logger.LogError("failed", new InvalidOperationException("boom"));
                return Task.CompletedTask;
            },
            options,
            stop));

        await harness.Api.InvokeAsync("{}", new InvocationHeaders { RequestId = "req-json", TraceId = "Root=1-json" });

        var line = Assert.Single(harness.Log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("Error", root.GetProperty("level").GetString());
        Assert.Equal("req-json", root.GetProperty("requestId").GetString());
        Assert.Equal("Root=1-json", root.GetProperty("traceId").GetString());
        Assert.Equal("failed", root.GetProperty("message").GetString());
        Assert.Equal("System.InvalidOperationException", root.GetProperty("errorType").GetString());
        Assert.Equal("boom", root.GetProperty("errorMessage").GetString());
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("timestamp").GetString(), out _));
    }

    [Fact]
    public void EnvironmentIsReadFromTheStandardVariables()
    {
        var variables = new Dictionary<string, string>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = "127.0.0.1:9001",
            ["AWS_LAMBDA_FUNCTION_NAME"] = "jobs-api",
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "3",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/jobs-api",
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = "stream-1",
            ["AWS_LAMBDA_LOG_FORMAT"] = "JSON",
            ["AWS_LAMBDA_LOG_LEVEL"] = "WARN",
        };

        var environment = LambdaEnvironment.FromVariables(name => variables.GetValueOrDefault(name));

        Assert.Equal("127.0.0.1:9001", environment.RuntimeApi);
        Assert.Equal("jobs-api", environment.FunctionName);
        Assert.Equal("3", environment.FunctionVersion);
        Assert.Equal(512, environment.MemoryLimitInMB);
        Assert.Equal("/aws/lambda/jobs-api", environment.LogGroupName);
        Assert.Equal("stream-1", environment.LogStreamName);
        Assert.Equal(LambdaLogFormat.Json, environment.LogFormat);
        Assert.Equal(LambdaLogLevel.Warning, environment.MinimumLogLevel);
    }
}
