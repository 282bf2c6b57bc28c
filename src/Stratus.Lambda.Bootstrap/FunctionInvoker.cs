using System.Reflection;
using System.Text.Json;

namespace Stratus.Lambda.Bootstrap;

/// <summary>
/// Calls the handler for one invocation: deserializes the payload into its first parameter (a Stream gets the raw
/// bytes), passes the context, awaits Task/ValueTask results and serializes the result (a Stream is copied as is).
/// </summary>
internal sealed class FunctionInvoker
{
    private readonly MethodInfo _method;
    private readonly object? _instance;
    private readonly Type? _inputType;
    private readonly bool _takesContext;
    private readonly ResultShape _resultShape;

    public FunctionInvoker(MethodInfo method, object? instance)
    {
        _method = method;
        _instance = instance;
        var parameters = method.GetParameters();
        _inputType = parameters.Length > 0 && parameters[0].ParameterType != typeof(ILambdaContext) ? parameters[0].ParameterType : null;
        _takesContext = parameters.Any(parameter => parameter.ParameterType == typeof(ILambdaContext));
        _resultShape = ResultShape.Of(method.ReturnType);
    }

    public async Task InvokeAsync(LambdaInvocation invocation)
    {
        var arguments = BuildArguments(invocation);
        var returned = _method.Invoke(_instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        var result = await _resultShape.UnwrapAsync(returned).ConfigureAwait(false);
        if (_resultShape.ValueType is not { } valueType)
        {
            return;
        }

        if (result is Stream stream)
        {
            await using (stream.ConfigureAwait(false))
            {
                await stream.CopyToAsync(invocation.ResponseStream).ConfigureAwait(false);
            }

            return;
        }

        try
        {
            using var writer = new Utf8JsonWriter(invocation.Response, LambdaJsonDefaults.WriterOptions);
            JsonSerializer.Serialize(writer, result, valueType, LambdaJsonDefaults.Options);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            throw new JsonSerializerException($"Error converting the response object of type {valueType.FullName} from the Lambda function to JSON: {exception.Message}", exception);
        }
    }

    private object?[] BuildArguments(LambdaInvocation invocation)
    {
        var arguments = new List<object?>(2);
        if (_inputType is not null)
        {
            arguments.Add(_inputType == typeof(Stream) ? invocation.OpenPayloadStream() : Deserialize(invocation.Payload, _inputType));
        }

        if (_takesContext)
        {
            arguments.Add(invocation.Context);
        }

        return [.. arguments];
    }

    private static object? Deserialize(ReadOnlyMemory<byte> payload, Type type)
    {
        try
        {
            return JsonSerializer.Deserialize(payload.Span, type, LambdaJsonDefaults.Options);
        }
        catch (JsonException exception)
        {
            var message = type == typeof(string)
                ? $"Error converting the Lambda event JSON payload to a string. JSON strings must be quoted, for example \"Hello World\" in order to be converted to a string: {exception.Message}"
                : $"Error converting the Lambda event JSON payload to type {type.FullName}: {exception.Message}";
            throw new JsonSerializerException(message, exception);
        }
    }
}
