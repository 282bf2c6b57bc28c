namespace Stratus.Lambda;

/// <summary>The level of a log line; names follow Microsoft.Extensions.Logging like the AWS .NET runtime.</summary>
public enum LambdaLogLevel
{
    /// <summary>TRACE.</summary>
    Trace,
    /// <summary>DEBUG.</summary>
    Debug,
    /// <summary>INFO.</summary>
    Information,
    /// <summary>WARN.</summary>
    Warning,
    /// <summary>ERROR.</summary>
    Error,
    /// <summary>FATAL.</summary>
    Critical,
}

/// <summary>
/// Writes log lines where the Lambda platform collects them (stdout), in the text or JSON format chosen by
/// AWS_LAMBDA_LOG_FORMAT, filtered by AWS_LAMBDA_LOG_LEVEL.
/// </summary>
public interface ILambdaLogger
{
    /// <summary>Writes <paramref name="message"/> at Information level.</summary>
    void Log(string message);

    /// <summary>Writes <paramref name="message"/> at Information level (kept for Amazon.Lambda.Core parity).</summary>
    void LogLine(string message);

    /// <summary>Writes <paramref name="message"/> at <paramref name="level"/>, with the exception's details when given.</summary>
    void Log(LambdaLogLevel level, string message, Exception? exception = null);

    /// <summary>Writes at Trace level.</summary>
    void LogTrace(string message) => Log(LambdaLogLevel.Trace, message);

    /// <summary>Writes at Debug level.</summary>
    void LogDebug(string message) => Log(LambdaLogLevel.Debug, message);

    /// <summary>Writes at Information level.</summary>
    void LogInformation(string message) => Log(LambdaLogLevel.Information, message);

    /// <summary>Writes at Warning level.</summary>
    void LogWarning(string message) => Log(LambdaLogLevel.Warning, message);

    /// <summary>Writes at Error level.</summary>
    void LogError(string message, Exception? exception = null) => Log(LambdaLogLevel.Error, message, exception);

    /// <summary>Writes at Critical level.</summary>
    void LogCritical(string message, Exception? exception = null) => Log(LambdaLogLevel.Critical, message, exception);
}
