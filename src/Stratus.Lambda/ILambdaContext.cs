namespace Stratus.Lambda;

/// <summary>
/// What a function knows about the invocation it is serving: the members mirror Amazon.Lambda.Core's
/// ILambdaContext so handlers port between the two with a using change.
/// </summary>
public interface ILambdaContext
{
    /// <summary>The request id (Lambda-Runtime-Aws-Request-Id).</summary>
    string AwsRequestId { get; }

    /// <summary>AWS_LAMBDA_FUNCTION_NAME.</summary>
    string FunctionName { get; }

    /// <summary>AWS_LAMBDA_FUNCTION_VERSION, e.g. <c>$LATEST</c>.</summary>
    string FunctionVersion { get; }

    /// <summary>The ARN the caller used, with its qualifier if any (Lambda-Runtime-Invoked-Function-Arn).</summary>
    string InvokedFunctionArn { get; }

    /// <summary>AWS_LAMBDA_FUNCTION_MEMORY_SIZE.</summary>
    int MemoryLimitInMB { get; }

    /// <summary>AWS_LAMBDA_LOG_GROUP_NAME.</summary>
    string LogGroupName { get; }

    /// <summary>AWS_LAMBDA_LOG_STREAM_NAME.</summary>
    string LogStreamName { get; }

    /// <summary>The time left before the deadline (Lambda-Runtime-Deadline-Ms); never negative.</summary>
    TimeSpan RemainingTime { get; }

    /// <summary>The X-Ray trace header (Lambda-Runtime-Trace-Id), also exported as _X_AMZN_TRACE_ID.</summary>
    string? TraceId { get; }

    /// <summary>Writes to the function's log (stdout, collected by the platform).</summary>
    ILambdaLogger Logger { get; }

    /// <summary>The mobile client context (Lambda-Runtime-Client-Context), when the caller sent one.</summary>
    IClientContext? ClientContext { get; }

    /// <summary>The Amazon Cognito identity (Lambda-Runtime-Cognito-Identity), when the caller sent one.</summary>
    ICognitoIdentity? Identity { get; }
}

/// <summary>The mobile SDK client context an invoker may pass (Lambda-Runtime-Client-Context).</summary>
public interface IClientContext
{
    /// <summary>The <c>env</c> map.</summary>
    IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The <c>client</c> object.</summary>
    IClientApplication? Client { get; }

    /// <summary>The <c>custom</c> map.</summary>
    IReadOnlyDictionary<string, string> Custom { get; }
}

/// <summary>The <c>client</c> part of a client context.</summary>
public interface IClientApplication
{
    /// <summary>installation_id.</summary>
    string? InstallationId { get; }

    /// <summary>app_title.</summary>
    string? AppTitle { get; }

    /// <summary>app_version_name.</summary>
    string? AppVersionName { get; }

    /// <summary>app_version_code.</summary>
    string? AppVersionCode { get; }

    /// <summary>app_package_name.</summary>
    string? AppPackageName { get; }
}

/// <summary>The Amazon Cognito identity an invoker may pass (Lambda-Runtime-Cognito-Identity).</summary>
public interface ICognitoIdentity
{
    /// <summary>cognitoIdentityId.</summary>
    string? IdentityId { get; }

    /// <summary>cognitoIdentityPoolId.</summary>
    string? IdentityPoolId { get; }
}
