using System.Text.Json;
using Stratus.Lambda.Tests.Infrastructure;
using Xunit;

namespace Stratus.Lambda.Tests.Bootstrap;

/// <summary>The Node.js bootstrap, run with the machine's node against the fake Runtime API.</summary>
public sealed class NodeBootstrapTests(NodeFunctionFiles files) : IClassFixture<NodeFunctionFiles>
{
    [Fact]
    public async Task CommonJsAsyncHandlerSeesEventAndContext()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var node = FunctionProcess.StartNode(api, "index.handler", files.TaskRoot);

        var outcome = await api.InvokeAsync("""{"city":"Lyon"}""", new InvocationHeaders
        {
            RequestId = "node-req-1",
            FunctionArn = "arn:aws:lambda:us-east-1:000000000000:function:test-function",
            TraceId = "Root=1-node",
            CognitoIdentity = """{"cognitoIdentityId":"id-1","cognitoIdentityPoolId":"pool-1"}""",
        });

        Assert.False(outcome.IsError, outcome.Body + node.Output);
        var body = JsonDocument.Parse(outcome.Body).RootElement;
        Assert.Equal("Lyon", body.GetProperty("echo").GetProperty("city").GetString());
        Assert.Equal("node-req-1", body.GetProperty("requestId").GetString());
        Assert.Equal("test-function", body.GetProperty("functionName").GetString());
        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:test-function", body.GetProperty("arn").GetString());
        Assert.True(body.GetProperty("remainingOk").GetBoolean());
        Assert.Equal("Root=1-node", body.GetProperty("trace").GetString());
        Assert.Equal("id-1", body.GetProperty("identity").GetProperty("cognitoIdentityId").GetString());
    }

    [Theory]
    [InlineData("esm.handler", """{"n":21}""", """{"kind":"esm","doubled":42}""")]
    [InlineData("typed/app.handler", "{}", """{"kind":"type-module"}""")]
    [InlineData("common.handler", "{}", """{"kind":"cjs"}""")]
    [InlineData("index.api.v1.handler", "{}", "\"nested\"")]
    [InlineData("index.sync", "{}", "null")]
    [InlineData("callback.legacySucceed", "{}", """{"via":"succeed"}""")]
    [InlineData("streaming.handler", "{}", "chunk-1,chunk-2")]
    public async Task ModuleKindsAndHandlerStyles(string handler, string payload, string expected)
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var node = FunctionProcess.StartNode(api, handler, files.TaskRoot);

        var outcome = await api.InvokeAsync(payload);

        Assert.False(outcome.IsError, outcome.Body + node.Output);
        Assert.Equal(expected, outcome.Body);
    }

    [Fact]
    public async Task CallbackResultWaitsForTheEventLoopUnlessToldNotTo()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var waits = FunctionProcess.StartNode(api, "callback.waits", files.TaskRoot);
        var waited = await api.InvokeAsync("{}");
        var again = await api.InvokeAsync("{}");
        await using var apiNoWait = await FakeRuntimeApi.StartAsync();
        await using var noWait = FunctionProcess.StartNode(apiNoWait, "callback.noWait", files.TaskRoot);
        var immediate = await apiNoWait.InvokeAsync("{}");

        Assert.Equal("""{"late":true}""", waited.Body);
        Assert.Equal("""{"late":true}""", again.Body);
        Assert.Equal("""{"late":false}""", immediate.Body);
    }

    [Fact]
    public async Task ThrownErrorIsReportedWithTypeMessageAndTraceAndTheLoopContinues()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var node = FunctionProcess.StartNode(api, "index.fails", files.TaskRoot);

        var first = await api.InvokeAsync("{}");
        var second = await api.InvokeAsync("{}");

        Assert.True(first.IsError);
        Assert.Equal("TypeError", first.ErrorTypeHeader);
        var error = JsonDocument.Parse(first.Body).RootElement;
        Assert.Equal("TypeError", error.GetProperty("errorType").GetString());
        Assert.Equal("bad input", error.GetProperty("errorMessage").GetString());
        Assert.Equal("TypeError: bad input", error.GetProperty("trace")[0].GetString());
        Assert.True(second.IsError);
    }

    [Fact]
    public async Task CallbackWithANonErrorValueReportsItsType()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var node = FunctionProcess.StartNode(api, "callback.callbackError", files.TaskRoot);

        var outcome = await api.InvokeAsync("{}");

        var error = JsonDocument.Parse(outcome.Body).RootElement;
        Assert.Equal("string", error.GetProperty("errorType").GetString());
        Assert.Equal("plain string failure", error.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task UnhandledRejectionFailsTheInvocationAndEndsTheProcess()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var node = FunctionProcess.StartNode(api, "index.rejects", files.TaskRoot);

        var outcome = await api.InvokeAsync("{}");

        Assert.Equal("Runtime.UnhandledPromiseRejection", outcome.ErrorTypeHeader);
        Assert.Equal(128, await node.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task ConsoleLinesCarryTheRequestIdAndLevel()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var node = FunctionProcess.StartNode(api, "index.logs", files.TaskRoot);

        await api.InvokeAsync("""{"name":"Ada"}""", new InvocationHeaders { RequestId = "log-req" });

        var output = await node.WaitForOutputAsync(text => text.Contains("oops", StringComparison.Ordinal));
        Assert.Contains("\tlog-req\tINFO\thello Ada", output, StringComparison.Ordinal);
        Assert.Matches(@"\tlog-req\tERROR\tError: oops\r\s+at ", output);
    }

    [Fact]
    public async Task JsonLogFormat()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var node = FunctionProcess.StartNode(api, "index.logs", files.TaskRoot, new Dictionary<string, string> { ["AWS_LAMBDA_LOG_FORMAT"] = "JSON" });

        await api.InvokeAsync("""{"name":"Ada"}""", new InvocationHeaders { RequestId = "json-req" });

        var output = await node.WaitForOutputAsync(text => text.Contains("hello Ada", StringComparison.Ordinal));
        var line = output.Split('\n').First(candidate => candidate.Contains("hello Ada", StringComparison.Ordinal));
        var entry = JsonDocument.Parse(line).RootElement;
        Assert.Equal("INFO", entry.GetProperty("level").GetString());
        Assert.Equal("json-req", entry.GetProperty("requestId").GetString());
        Assert.Equal("hello Ada", entry.GetProperty("message").GetString());
    }

    [Fact]
    public async Task EsModulesResolvePackagesFromNodePath()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var node = FunctionProcess.StartNode(api, "sdk-user.handler", files.TaskRoot, new Dictionary<string, string> { ["NODE_PATH"] = files.RuntimeModules });

        var outcome = await api.InvokeAsync("{}");

        Assert.Equal("\"fake-sdk from NODE_PATH\"", outcome.Body);
    }

    [Theory]
    [InlineData("missing.handler", "Runtime.ImportModuleError", "Error: Cannot find module 'missing'")]
    [InlineData("index.absent", "Runtime.HandlerNotFound", "index.absent is undefined or not exported")]
    [InlineData("index.notAFunction", "Runtime.HandlerNotFound", "index.notAFunction is not a function")]
    [InlineData("indexhandler", "Runtime.MalformedHandlerName", "Bad handler")]
    [InlineData("../etc.handler", "Runtime.MalformedHandlerName", "'../etc.handler' is not a valid handler name. Use absolute paths when specifying root directories in handler names.")]
    [InlineData("broken.handler", "Runtime.UserCodeSyntaxError", "SyntaxError: ")]
    public async Task LoadFailuresAreInitErrors(string handler, string errorType, string messageStart)
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        await using var node = FunctionProcess.StartNode(api, handler, files.TaskRoot);

        var outcome = await api.InitErrorAsync();

        Assert.Equal(errorType, outcome.ErrorTypeHeader);
        var error = JsonDocument.Parse(outcome.Body).RootElement;
        Assert.Equal(errorType, error.GetProperty("errorType").GetString());
        Assert.StartsWith(messageStart, error.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, await node.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }
}
