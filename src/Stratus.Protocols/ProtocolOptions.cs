namespace Stratus.Protocols;

/// <summary>Per-service choices about how errors and limits look on the wire.</summary>
public sealed class ProtocolOptions
{
    /// <summary>Prefix of the JSON <c>__type</c> (e.g. <c>com.amazonaws.dynamodb.v20120810#</c>).</summary>
    public string JsonErrorTypePrefix { get; init; } = "";

    /// <summary>The largest request body the service accepts.</summary>
    public int MaxRequestBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Builds the error for a missing required member (the AWS wording differs per service family).</summary>
    public Func<string, string, AwsServiceException> MissingRequired { get; init; } = CoralValidation;

    /// <summary>The JSON services' wording: <c>1 validation error detected: Value null at 'queueUrl' ...</c>.</summary>
    public static AwsServiceException CoralValidation(string operation, string member) =>
        new("ValidationException",
            $"1 validation error detected: Value null at '{char.ToLowerInvariant(member[0])}{member[1..]}' failed to satisfy constraint: Member must not be null");

    /// <summary>The query services' wording.</summary>
    public static AwsServiceException QueryMissingParameter(string operation, string member) =>
        new("MissingParameter", $"The request must contain the parameter {member}.");
}
