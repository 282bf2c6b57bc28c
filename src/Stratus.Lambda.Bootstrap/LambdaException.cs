namespace Stratus.Lambda.Bootstrap;

/// <summary>
/// A function that cannot be loaded. AWS's .NET runtime reports handler-string, assembly, type, method and constructor
/// failures with errorType <c>LambdaException</c> (https://docs.aws.amazon.com/lambda/latest/dg/csharp-exceptions.html),
/// which the class name reproduces.
/// </summary>
internal sealed class LambdaException : Exception
{
    public LambdaException()
    {
    }

    public LambdaException(string message) : base(message)
    {
    }

    public LambdaException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
