using System.Globalization;

namespace Stratus.Lambda;

/// <summary>The log format chosen by AWS_LAMBDA_LOG_FORMAT.</summary>
public enum LambdaLogFormat
{
    /// <summary>Tab-separated lines: timestamp, request id, level, message.</summary>
    Text,
    /// <summary>One JSON object per line: timestamp, level, requestId, message.</summary>
    Json,
}

/// <summary>
/// The execution environment's variables, as Lambda sets them for every runtime
/// (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime).
/// Read once at start-up; tests build one by hand instead of touching the process environment.
/// </summary>
public sealed class LambdaEnvironment
{
    /// <summary>AWS_LAMBDA_RUNTIME_API: host:port of the Runtime API.</summary>
    public string? RuntimeApi { get; init; }

    /// <summary>AWS_LAMBDA_FUNCTION_NAME.</summary>
    public string FunctionName { get; init; } = "";

    /// <summary>AWS_LAMBDA_FUNCTION_VERSION.</summary>
    public string FunctionVersion { get; init; } = "$LATEST";

    /// <summary>AWS_LAMBDA_FUNCTION_MEMORY_SIZE.</summary>
    public int MemoryLimitInMB { get; init; } = 128;

    /// <summary>AWS_LAMBDA_LOG_GROUP_NAME.</summary>
    public string LogGroupName { get; init; } = "";

    /// <summary>AWS_LAMBDA_LOG_STREAM_NAME.</summary>
    public string LogStreamName { get; init; } = "";

    /// <summary>AWS_LAMBDA_LOG_FORMAT (TEXT or JSON).</summary>
    public LambdaLogFormat LogFormat { get; init; } = LambdaLogFormat.Text;

    /// <summary>AWS_LAMBDA_LOG_LEVEL; lines below it are dropped.</summary>
    public LambdaLogLevel MinimumLogLevel { get; init; } = LambdaLogLevel.Trace;

    /// <summary>Reads the variables of the current process.</summary>
    public static LambdaEnvironment FromProcess() => FromVariables(Environment.GetEnvironmentVariable);

    /// <summary>Reads the variables through <paramref name="get"/> (a dictionary lookup in tests).</summary>
    public static LambdaEnvironment FromVariables(Func<string, string?> get)
    {
        ArgumentNullException.ThrowIfNull(get);
        return new LambdaEnvironment
        {
            RuntimeApi = NullIfEmpty(get("AWS_LAMBDA_RUNTIME_API")),
            FunctionName = get("AWS_LAMBDA_FUNCTION_NAME") ?? "",
            FunctionVersion = NullIfEmpty(get("AWS_LAMBDA_FUNCTION_VERSION")) ?? "$LATEST",
            MemoryLimitInMB = int.TryParse(get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var memory) ? memory : 128,
            LogGroupName = get("AWS_LAMBDA_LOG_GROUP_NAME") ?? "",
            LogStreamName = get("AWS_LAMBDA_LOG_STREAM_NAME") ?? "",
            LogFormat = string.Equals(get("AWS_LAMBDA_LOG_FORMAT"), "JSON", StringComparison.OrdinalIgnoreCase) ? LambdaLogFormat.Json : LambdaLogFormat.Text,
            MinimumLogLevel = ParseLevel(get("AWS_LAMBDA_LOG_LEVEL")),
        };
    }

    // The values AWS accepts for the log level setting (LoggingConfig.ApplicationLogLevel).
    private static LambdaLogLevel ParseLevel(string? value) => value?.ToUpperInvariant() switch
    {
        "DEBUG" => LambdaLogLevel.Debug,
        "INFO" => LambdaLogLevel.Information,
        "WARN" => LambdaLogLevel.Warning,
        "ERROR" => LambdaLogLevel.Error,
        "FATAL" => LambdaLogLevel.Critical,
        _ => LambdaLogLevel.Trace,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
