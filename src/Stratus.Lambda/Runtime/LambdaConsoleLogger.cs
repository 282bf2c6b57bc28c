using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Stratus.Lambda.Runtime;

/// <summary>
/// Writes one stdout line per call in the format AWS_LAMBDA_LOG_FORMAT selects. Lambda's platform splits stdout on
/// newlines, so multi-line text (stack traces) is folded with carriage returns as AWS's own runtimes do when they
/// log to stdout; JSON lines are single-line by construction.
/// </summary>
internal sealed class LambdaConsoleLogger : ILambdaLogger
{
    private readonly TextWriter _output;
    private readonly LambdaEnvironment _environment;
    private readonly TimeProvider _time;

    public LambdaConsoleLogger(TextWriter output, LambdaEnvironment environment, TimeProvider time)
    {
        _output = output;
        _environment = environment;
        _time = time;
    }

    /// <summary>The invocation being served, stamped on every line; null during init.</summary>
    public string? RequestId { get; set; }

    public string? TraceId { get; set; }

    public void Log(string message) => Log(LambdaLogLevel.Information, message);

    public void LogLine(string message) => Log(LambdaLogLevel.Information, message);

    public void Log(LambdaLogLevel level, string message, Exception? exception = null)
    {
        if (level < _environment.MinimumLogLevel)
        {
            return;
        }

        var line = _environment.LogFormat == LambdaLogFormat.Json
            ? FormatJson(level, message, exception)
            : FormatText(level, message, exception);
        _output.WriteLine(line);
    }

    private string Timestamp() =>
        _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private string FormatText(LambdaLogLevel level, string message, Exception? exception)
    {
        var builder = new StringBuilder(message.Length + 64)
            .Append(Timestamp()).Append('\t')
            .Append(RequestId).Append('\t')
            .Append(ShortName(level)).Append('\t')
            .Append(message);
        if (exception is not null)
        {
            builder.Append('\n').Append(exception);
        }

        return builder.Replace("\r\n", "\r").Replace('\n', '\r').ToString();
    }

    private string FormatJson(LambdaLogLevel level, string message, Exception? exception)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", Timestamp());
            writer.WriteString("level", level.ToString());
            if (RequestId is not null)
            {
                writer.WriteString("requestId", RequestId);
            }

            if (TraceId is not null)
            {
                writer.WriteString("traceId", TraceId);
            }

            writer.WriteString("message", message);
            if (exception is not null)
            {
                writer.WriteString("errorType", exception.GetType().FullName);
                writer.WriteString("errorMessage", exception.Message);
                writer.WriteStartArray("stackTrace");
                foreach (var frame in exception.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    writer.WriteStringValue(frame);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // The abbreviations of Microsoft's console formatter, which the AWS .NET runtime's text format uses.
    private static string ShortName(LambdaLogLevel level) => level switch
    {
        LambdaLogLevel.Trace => "trce",
        LambdaLogLevel.Debug => "dbug",
        LambdaLogLevel.Information => "info",
        LambdaLogLevel.Warning => "warn",
        LambdaLogLevel.Error => "fail",
        _ => "crit",
    };
}
