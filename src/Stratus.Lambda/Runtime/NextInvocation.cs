namespace Stratus.Lambda.Runtime;

/// <summary>The headers of a /runtime/invocation/next answer (the payload stays in the loop's buffer).</summary>
internal sealed record NextInvocation(
    string RequestId,
    long DeadlineMs,
    string InvokedFunctionArn,
    string? TraceId,
    string? ClientContext,
    string? CognitoIdentity);
