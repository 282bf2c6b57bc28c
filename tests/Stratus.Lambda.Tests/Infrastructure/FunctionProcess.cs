using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Stratus.Lambda.Tests.Infrastructure;

/// <summary>
/// A runtime started as its own OS process, as the Lambda service starts an execution environment: environment
/// variables in, stdout/stderr captured, killed when the test ends.
/// </summary>
public sealed class FunctionProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private Task[] _readers = [];

    private FunctionProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string BootstrapDirectory => Metadata("BootstrapDirectory");

    public static string TestFunctionsDirectory => Metadata("TestFunctionsDirectory");

    public static string DotNet =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    /// <summary>Starts the .NET class-library bootstrap for <paramref name="handler"/>.</summary>
    public static FunctionProcess StartDotNet(FakeRuntimeApi api, string handler, string? taskRoot = null) =>
        Start(DotNet, [Path.Combine(BootstrapDirectory, "Stratus.Lambda.Bootstrap.dll")], api, handler, taskRoot ?? TestFunctionsDirectory);

    /// <summary>Starts the Node.js bootstrap for <paramref name="handler"/> in <paramref name="taskRoot"/>.</summary>
    public static FunctionProcess StartNode(FakeRuntimeApi api, string handler, string taskRoot, IReadOnlyDictionary<string, string>? extra = null) =>
        Start("node", [Path.Combine(BootstrapDirectory, "node", "bootstrap.mjs")], api, handler, taskRoot, extra);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        await Task.WhenAll(_readers).WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    private static FunctionProcess Start(
        string fileName,
        string[] arguments,
        FakeRuntimeApi api,
        string handler,
        string taskRoot,
        IReadOnlyDictionary<string, string>? extra = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = taskRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        start.Environment["_HANDLER"] = handler;
        start.Environment["LAMBDA_TASK_ROOT"] = taskRoot;
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "test-function";
        start.Environment["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        start.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "128";
        start.Environment["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/test-function";
        start.Environment["AWS_LAMBDA_LOG_STREAM_NAME"] = "2026/11/23/[$LATEST]0123456789abcdef";
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var function = new FunctionProcess(process);
        process.Start();
        // Raw characters, not lines: the runtimes fold multi-line messages with '\r', which line readers would split.
        function._readers = [function.PumpAsync(process.StandardOutput), function.PumpAsync(process.StandardError)];
        return function;
    }

    /// <summary>Waits until the captured output satisfies <paramref name="condition"/>, failing after a deadline.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var output = Output;
            if (condition(output))
            {
                return output;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The expected output did not appear. Output so far:\n{output}");
            }

            await Task.Delay(20);
        }
    }

    private async Task PumpAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (_output)
            {
                _output.Append(buffer, 0, read);
            }
        }
    }

    private static string Metadata(string key) =>
        typeof(FunctionProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value!;
}
