namespace Stratus.Lambda;

/// <summary>
/// Where the runtime loop finds the Runtime API and writes its logs. The defaults are what a function needs on AWS and
/// on Stratus; tests override them to run several loops in one process.
/// </summary>
public sealed class LambdaRuntimeOptions
{
    /// <summary>The environment; defaults to the process's variables.</summary>
    public LambdaEnvironment? Environment { get; set; }

    /// <summary>host:port of the Runtime API; defaults to <see cref="LambdaEnvironment.RuntimeApi"/>.</summary>
    public string? RuntimeApi { get; set; }

    /// <summary>Where log lines go; defaults to stdout, which Lambda collects.</summary>
    public TextWriter? LogOutput { get; set; }

    /// <summary>
    /// Whether Console.Out and Console.Error are routed through the Lambda logger while the loop runs, so that
    /// Console.WriteLine lines carry the timestamp, request id and level as under AWS's .NET runtime. Defaults to true
    /// when <see cref="LogOutput"/> is not set (the runtime owns stdout), false otherwise.
    /// </summary>
    public bool? RedirectConsole { get; set; }

    /// <summary>The clock behind <see cref="ILambdaContext.RemainingTime"/> and log timestamps.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Whether each invocation's Lambda-Runtime-Trace-Id is exported as the _X_AMZN_TRACE_ID environment variable, as
    /// the Runtime API documentation asks of runtimes (default true). A process variable, hence switchable for hosts
    /// that run several loops.
    /// </summary>
    public bool SetTraceIdEnvironmentVariable { get; set; } = true;
}
