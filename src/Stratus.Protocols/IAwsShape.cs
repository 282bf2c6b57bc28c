namespace Stratus.Protocols;

/// <summary>Implemented by every generated shape so the protocol layer can check required members.</summary>
public interface IAwsShape
{
    /// <summary>The AWS name of the first required member that is missing, or null when all are set.</summary>
    string? FirstMissingRequired();
}

/// <summary>The input or output of an operation that has none.</summary>
public sealed class Empty : IAwsShape
{
    public static Empty Instance { get; } = new();

    public string? FirstMissingRequired() => null;
}
