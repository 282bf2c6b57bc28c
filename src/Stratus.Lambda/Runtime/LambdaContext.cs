using System.Text.Json;

namespace Stratus.Lambda.Runtime;

/// <summary>The context of one invocation, built from the /next headers and the environment.</summary>
internal sealed class LambdaContext : ILambdaContext
{
    private readonly NextInvocation _invocation;
    private readonly LambdaEnvironment _environment;
    private readonly TimeProvider _time;
    private readonly Lazy<IClientContext?> _clientContext;
    private readonly Lazy<ICognitoIdentity?> _identity;

    public LambdaContext(NextInvocation invocation, LambdaEnvironment environment, ILambdaLogger logger, TimeProvider time)
    {
        _invocation = invocation;
        _environment = environment;
        _time = time;
        Logger = logger;
        // Parsed on first use: most handlers never look at them.
        _clientContext = new Lazy<IClientContext?>(() => ParseClientContext(invocation.ClientContext));
        _identity = new Lazy<ICognitoIdentity?>(() => Parse(invocation.CognitoIdentity, RuntimeJsonContext.Default.CognitoIdentityDocument));
    }

    public string AwsRequestId => _invocation.RequestId;

    public string FunctionName => _environment.FunctionName;

    public string FunctionVersion => _environment.FunctionVersion;

    public string InvokedFunctionArn => _invocation.InvokedFunctionArn;

    public int MemoryLimitInMB => _environment.MemoryLimitInMB;

    public string LogGroupName => _environment.LogGroupName;

    public string LogStreamName => _environment.LogStreamName;

    public TimeSpan RemainingTime
    {
        get
        {
            var left = DateTimeOffset.FromUnixTimeMilliseconds(_invocation.DeadlineMs) - _time.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public string? TraceId => _invocation.TraceId;

    public ILambdaLogger Logger { get; }

    public IClientContext? ClientContext => _clientContext.Value;

    public ICognitoIdentity? Identity => _identity.Value;

    private static ClientContext? ParseClientContext(string? json)
    {
        var document = Parse(json, RuntimeJsonContext.Default.ClientContextDocument);
        return document is null ? null : new ClientContext(document);
    }

    // A malformed header is the invoker's mistake; the handler still runs and simply sees no value.
    private static T? Parse<T>(string? json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The client context as the handler sees it.</summary>
internal sealed class ClientContext(ClientContextDocument document) : IClientContext
{
    public IReadOnlyDictionary<string, string> Environment { get; } = document.Environment ?? [];

    public IClientApplication? Client { get; } = document.Client;

    public IReadOnlyDictionary<string, string> Custom { get; } = document.Custom ?? [];
}
