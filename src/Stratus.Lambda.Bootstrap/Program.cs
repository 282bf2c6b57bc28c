using Stratus.Lambda;
using Stratus.Lambda.Bootstrap;

// The entry point of the dotnet8/dotnet10 managed runtimes: _HANDLER (or the first argument) names the function,
// LAMBDA_TASK_ROOT holds it. Load failures are reported as init errors, after which the process exits as AWS's does.
var environment = LambdaEnvironment.FromProcess();
if (environment.RuntimeApi is null)
{
    await Console.Error.WriteLineAsync("AWS_LAMBDA_RUNTIME_API is not set: this bootstrap runs inside a Lambda execution environment.");
    return 2;
}

var options = new LambdaRuntimeOptions { Environment = environment };
var taskRoot = Environment.GetEnvironmentVariable("LAMBDA_TASK_ROOT") is { Length: > 0 } root ? root : Directory.GetCurrentDirectory();
var handlerText = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("_HANDLER");

FunctionInvoker invoker;
try
{
    invoker = FunctionLoader.Load(Path.GetFullPath(taskRoot), HandlerString.Parse(handlerText));
}
catch (Exception exception)
{
    // Anything escaping the loader, user constructors included, is an init error: reported, then the process ends.
    await LambdaRuntime.ReportInitErrorAsync(exception, options);
    return 1;
}

await LambdaRuntime.RunAsync(invoker.InvokeAsync, options);
return 0;
