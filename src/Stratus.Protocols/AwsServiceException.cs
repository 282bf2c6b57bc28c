using System.Text.Json.Nodes;

namespace Stratus.Protocols;

/// <summary>
/// An AWS error answered to the caller: the code and HTTP status AWS uses, and the message as AWS words it.
/// Each protocol serializes it in its own error shape.
/// </summary>
public class AwsServiceException : Exception
{
    public AwsServiceException(string code, string message, int statusCode = 400, bool senderFault = true)
        : base(message)
    {
        Code = code;
        StatusCode = statusCode;
        SenderFault = senderFault;
    }

    public AwsServiceException() : this("InternalFailure", "The request processing has failed because of an unknown error.", 500, false)
    {
    }

    public AwsServiceException(string message) : this("ValidationException", message)
    {
    }

    public AwsServiceException(string message, Exception innerException) : base(message, innerException)
    {
        Code = "InternalFailure";
        StatusCode = 500;
    }

    public string Code { get; }
    public int StatusCode { get; }
    public bool SenderFault { get; }

    /// <summary>For awsQueryCompatible services answering JSON: the query-protocol code (x-amzn-query-error).</summary>
    public string? QueryCode { get; init; }

    /// <summary>Members of the error shape beyond the message (e.g. DynamoDB's CancellationReasons).</summary>
    public JsonObject? Details { get; init; }

    /// <summary>Extra response headers some errors carry (e.g. S3's x-amz-delete-marker).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public static AwsServiceException NotImplemented(string service, string operation) =>
        new("NotImplemented", $"Stratus does not implement {service} {operation} yet; see docs/coverage.md.", 501, false);

    public static AwsServiceException Internal(string message) => new("InternalFailure", message, 500, false);
}
