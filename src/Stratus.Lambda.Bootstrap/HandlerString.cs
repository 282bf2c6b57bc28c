namespace Stratus.Lambda.Bootstrap;

/// <summary>
/// The <c>ASSEMBLY::TYPE::METHOD</c> handler of a .NET class-library function, with AWS's messages for each way it can be
/// wrong.
/// </summary>
internal sealed record HandlerString(string AssemblyName, string TypeName, string MethodName)
{
    private const string Format = "The valid format is 'ASSEMBLY::TYPE::METHOD'.";

    public static HandlerString Parse(string? handler)
    {
        if (string.IsNullOrWhiteSpace(handler))
        {
            throw new LambdaException($"Empty lambda function handler. {Format}");
        }

        var parts = handler.Split("::");
        if (parts.Length != 3)
        {
            throw new LambdaException($"Invalid lambda function handler: '{handler}'. {Format}");
        }

        var (assembly, type, method) = (parts[0].Trim(), parts[1].Trim(), parts[2].Trim());
        if (assembly.Length == 0)
        {
            throw new LambdaException($"Invalid lambda function handler: '{handler}', the assembly is missing. {Format}");
        }

        if (type.Length == 0)
        {
            throw new LambdaException($"Invalid lambda function handler: '{handler}', the type is missing. {Format}");
        }

        if (method.Length == 0)
        {
            throw new LambdaException($"Invalid lambda function handler: '{handler}', the method is missing. {Format}");
        }

        // The assembly name becomes a file name in the task root: nothing that could leave it.
        if (assembly.IndexOfAny(['/', '\\', ':']) >= 0 || assembly.Contains("..", StringComparison.Ordinal) || assembly.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new LambdaException($"Invalid lambda function handler: '{handler}'. {Format}");
        }

        return new HandlerString(assembly, type, method);
    }
}
