using System.Text.Json.Serialization;

namespace Stratus.Lambda;

/// <summary>
/// The error document a runtime posts to /invocation/{id}/error and /init/error, shaped as the AWS .NET runtime
/// writes it (https://docs.aws.amazon.com/lambda/latest/dg/csharp-exceptions.html): errorType is the exception's
/// type name, stackTrace one frame per entry, cause the inner exception.
/// </summary>
public sealed class LambdaErrorResponse
{
    /// <summary>The error's type, e.g. <c>InvalidOperationException</c>.</summary>
    [JsonPropertyName("errorType")] public string ErrorType { get; set; } = "";

    /// <summary>The error's message.</summary>
    [JsonPropertyName("errorMessage")] public string ErrorMessage { get; set; } = "";

    /// <summary>The stack frames, innermost first, each trimmed.</summary>
    [JsonPropertyName("stackTrace")] public IReadOnlyList<string>? StackTrace { get; set; }

    /// <summary>The inner exception, when there is one.</summary>
    [JsonPropertyName("cause")] public LambdaErrorResponse? Cause { get; set; }

    /// <summary>Describes <paramref name="exception"/> and its inner exceptions.</summary>
    public static LambdaErrorResponse FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return FromException(exception, depth: 0);
    }

    private static LambdaErrorResponse FromException(Exception exception, int depth)
    {
        // A deliberately cyclic or absurdly deep chain must not blow the stack of the error path itself.
        const int maxDepth = 16;
        return new LambdaErrorResponse
        {
            ErrorType = exception.GetType().Name,
            ErrorMessage = exception.Message,
            StackTrace = SplitStackTrace(exception.StackTrace),
            Cause = exception.InnerException is { } inner && depth < maxDepth ? FromException(inner, depth + 1) : null,
        };
    }

    private static string[]? SplitStackTrace(string? stackTrace)
    {
        if (string.IsNullOrEmpty(stackTrace))
        {
            return null;
        }

        return stackTrace.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
