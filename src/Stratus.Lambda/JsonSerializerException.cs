namespace Stratus.Lambda;

/// <summary>
/// The payload could not be turned into the handler's input type (or its result into JSON). The name matches the
/// exception the AWS .NET serializers throw, so the errorType a caller sees is the same on AWS and on Stratus.
/// </summary>
public sealed class JsonSerializerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JsonSerializerException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public JsonSerializerException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public JsonSerializerException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
