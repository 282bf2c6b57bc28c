using System.Reflection;

namespace Stratus.Lambda.Bootstrap;

/// <summary>
/// How to get a handler's value out of what it returns, decided once from the declared return type: an async method
/// declared <c>Task</c> may return a <c>Task&lt;VoidTaskResult&gt;</c> at run time, so the runtime type cannot be trusted.
/// </summary>
internal sealed class ResultShape
{
    private readonly Func<object?, Task<object?>> _unwrap;

    private ResultShape(Type? valueType, Func<object?, Task<object?>> unwrap)
    {
        ValueType = valueType;
        _unwrap = unwrap;
    }

    /// <summary>The type of the value to serialize; null when the handler returns nothing.</summary>
    public Type? ValueType { get; }

    public Task<object?> UnwrapAsync(object? returned) => _unwrap(returned);

    public static ResultShape Of(Type returnType)
    {
        if (returnType == typeof(void))
        {
            return new ResultShape(null, _ => Task.FromResult<object?>(null));
        }

        if (returnType == typeof(Task))
        {
            return new ResultShape(null, async returned =>
            {
                await ((Task)returned!).ConfigureAwait(false);
                return null;
            });
        }

        if (returnType == typeof(ValueTask))
        {
            return new ResultShape(null, async returned =>
            {
                await ((ValueTask)returned!).ConfigureAwait(false);
                return null;
            });
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var result = returnType.GetProperty(nameof(Task<object>.Result))!;
            return new ResultShape(returnType.GetGenericArguments()[0], async returned =>
            {
                var task = (Task)returned!;
                await task.ConfigureAwait(false);
                return result.GetValue(task);
            });
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var asTask = returnType.GetMethod(nameof(ValueTask<object>.AsTask))!;
            var result = typeof(Task<>).MakeGenericType(returnType.GetGenericArguments()[0]).GetProperty(nameof(Task<object>.Result))!;
            return new ResultShape(returnType.GetGenericArguments()[0], async returned =>
            {
                var task = (Task)asTask.Invoke(returned, BindingFlags.DoNotWrapExceptions, null, null, null)!;
                await task.ConfigureAwait(false);
                return result.GetValue(task);
            });
        }

        return new ResultShape(returnType, returned => Task.FromResult(returned));
    }
}
