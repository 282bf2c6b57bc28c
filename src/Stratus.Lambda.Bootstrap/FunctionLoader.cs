using System.Reflection;
using System.Runtime.CompilerServices;

namespace Stratus.Lambda.Bootstrap;

/// <summary>
/// Finds the handler method named by the handler string and validates it as AWS's .NET runtime does, with its messages
/// (https://docs.aws.amazon.com/lambda/latest/dg/csharp-handler.html#csharp-handler-restrictions).
/// </summary>
internal static class FunctionLoader
{
    private const BindingFlags AnyMethod = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    public static FunctionInvoker Load(string taskRoot, HandlerString handler)
    {
        var assembly = LoadAssembly(taskRoot, handler.AssemblyName);
        var type = assembly.GetType(handler.TypeName, throwOnError: false)
            ?? throw new LambdaException($"Unable to load type '{handler.TypeName}' from assembly '{handler.AssemblyName}'.");
        var method = FindMethod(type, handler);
        ValidateMethod(type, method);
        var instance = method.IsStatic ? null : CreateInstance(type);
        return new FunctionInvoker(method, instance);
    }

    private static Assembly LoadAssembly(string taskRoot, string assemblyName)
    {
        var path = Path.Combine(taskRoot, assemblyName + ".dll");
        if (!File.Exists(path))
        {
            // AWS names the assembly by its full display name, neutral culture and null token included.
            var displayName = new AssemblyName(assemblyName) { CultureName = "" };
            displayName.SetPublicKeyToken([]);
            var fullName = displayName.FullName;
            throw new LambdaException($"Could not find the specified handler assembly with the file name '{fullName}'. The assembly should be located in the root of your uploaded .zip file.");
        }

        try
        {
            return TaskRootResolver.LoadFunctionAssembly(taskRoot, path);
        }
        catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or IOException)
        {
            throw new LambdaException($"Unable to load assembly '{assemblyName}'.", exception);
        }
    }

    private static MethodInfo FindMethod(Type type, HandlerString handler)
    {
        if (type.IsGenericTypeDefinition)
        {
            throw new LambdaException($"The type '{type.FullName}' cannot be used as a Lambda Handler type because it is generic. Handler methods cannot be located in generic types. Please specify a handler method in a non-generic type.");
        }

        if (!type.IsClass && !type.IsValueType)
        {
            throw new LambdaException($"The type '{type.FullName}' cannot be used as a handler type since it is not a class or a struct. Please specify a handler method on a class or struct.");
        }

        var candidates = type.GetMethods(AnyMethod).Where(method => method.Name == handler.MethodName).ToArray();
        return candidates.Length switch
        {
            0 => throw new LambdaException($"Unable to find method '{handler.MethodName}' in type '{handler.TypeName}' from assembly '{handler.AssemblyName}': Found no methods matching method name '{handler.MethodName}'."),
            1 => candidates[0],
            _ => throw new LambdaException($"The method '{handler.MethodName}' in type '{handler.TypeName}' appears to have a number of overloads. To call this method please specify a complete method signature. Possible candidates are:\n{string.Join("\n", candidates.Select(candidate => candidate.ToString()))}."),
        };
    }

    private static void ValidateMethod(Type type, MethodInfo method)
    {
        var name = method.ToString();
        if (method.IsAbstract)
        {
            throw new LambdaException($"The method '{name}' cannot be used as a Lambda Handler because it is an abstract method. Handler methods cannot be abstract. Please specify a non-abstract handler method.");
        }

        if (method.IsGenericMethodDefinition)
        {
            throw new LambdaException($"The method '{name}' cannot be used as a Lambda Handler because it is a generic method. Handler methods cannot be generic. Please specify a non-generic handler method.");
        }

        if (method.ReturnType == typeof(void) && method.GetCustomAttribute<AsyncStateMachineAttribute>() is not null)
        {
            throw new LambdaException($"The method '{name}' cannot be used as a Lambda Handler because it is an 'async void' method. Handler methods cannot be 'async void'. Please specify a method that is not 'async void'.");
        }

        if (!method.IsStatic && type.IsAbstract)
        {
            throw new LambdaException($"The instance method '{name}' cannot be used as a Lambda Handler because its type '{type.FullName}' is abstract. Please either use a static handler or specify a type that is not abstract.");
        }

        var parameters = method.GetParameters();
        if (parameters.Length > 2)
        {
            throw new LambdaException($"Method '{method.Name}' of type '{type.FullName}' is not supported: the method has more than 2 parameters.");
        }

        if (parameters.Length == 2 && parameters[1].ParameterType != typeof(ILambdaContext))
        {
            throw new LambdaException($"Method '{method.Name}' of type '{type.FullName}' is not supported: the method has 2 parameters, but the second parameter is not of type '{typeof(ILambdaContext).FullName}'.");
        }
    }

    // One instance per process, created during init so constructor failures are init errors.
    private static object CreateInstance(Type type)
    {
        try
        {
            return Activator.CreateInstance(type, nonPublic: true)
                ?? throw new LambdaException($"Unable to create an instance of type '{type.FullName}'.");
        }
        catch (Exception exception) when (exception is TargetInvocationException or MissingMethodException or MemberAccessException)
        {
            throw new LambdaException($"An exception was thrown when the constructor for type '{type.FullName}' was invoked. Check inner exception for more details.", exception);
        }
    }
}
