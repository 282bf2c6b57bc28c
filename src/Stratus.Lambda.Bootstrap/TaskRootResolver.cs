using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Stratus.Lambda.Bootstrap;

/// <summary>
/// Loads the function's assembly into the default load context and resolves what it depends on from the task root,
/// through the function's own .deps.json. The default context keeps one copy of the framework and of Stratus.Lambda,
/// so the ILambdaContext the bootstrap passes is the very type the function's method declares.
/// </summary>
internal sealed class TaskRootResolver
{
    private readonly string _taskRoot;
    private readonly AssemblyDependencyResolver? _dependencies;

    private TaskRootResolver(string taskRoot, string functionAssemblyPath)
    {
        _taskRoot = taskRoot;
        try
        {
            _dependencies = new AssemblyDependencyResolver(functionAssemblyPath);
        }
        catch (InvalidOperationException)
        {
            // No readable .deps.json: fall back to probing the task root by file name.
            _dependencies = null;
        }
    }

    public static Assembly LoadFunctionAssembly(string taskRoot, string assemblyPath)
    {
        var resolver = new TaskRootResolver(taskRoot, assemblyPath);
        AssemblyLoadContext.Default.Resolving += resolver.ResolveAssembly;
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += resolver.ResolveNative;
        return AssemblyLoadContext.Default.LoadFromAssemblyPath(assemblyPath);
    }

    private Assembly? ResolveAssembly(AssemblyLoadContext context, AssemblyName name)
    {
        var path = _dependencies?.ResolveAssemblyToPath(name);
        if (path is null && name.Name is { } simpleName && IsPlainFileName(simpleName))
        {
            var candidate = Path.Combine(_taskRoot, simpleName + ".dll");
            path = File.Exists(candidate) ? candidate : null;
        }

        return path is null ? null : context.LoadFromAssemblyPath(path);
    }

    private IntPtr ResolveNative(Assembly assembly, string libraryName)
    {
        var path = _dependencies?.ResolveUnmanagedDllToPath(libraryName);
        return path is not null && NativeLibrary.TryLoad(path, out var handle) ? handle : IntPtr.Zero;
    }

    private static bool IsPlainFileName(string name) =>
        name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && !name.Contains("..", StringComparison.Ordinal);
}
