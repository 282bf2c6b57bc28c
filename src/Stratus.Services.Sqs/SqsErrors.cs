using Stratus.Protocols;

namespace Stratus.Services.Sqs;

/// <summary>
/// SQS's error catalogue. The code is the JSON shape name; the query-protocol code (e.g.
/// AWS.SimpleQueueService.NonExistentQueue) comes from the model, and messages are worded as SQS words them.
/// </summary>
internal static class SqsErrors
{
    public static AwsServiceException QueueDoesNotExist() =>
        new("QueueDoesNotExist", "The specified queue does not exist.") { QueryCode = "AWS.SimpleQueueService.NonExistentQueue" };

    public static AwsServiceException InvalidParameterValue(string message) => new("InvalidParameterValue", message);

    public static AwsServiceException InvalidParameter(string parameter, string value, string reason) =>
        InvalidParameterValue($"Value {value} for parameter {parameter} is invalid. Reason: {reason}.");

    public static AwsServiceException MissingParameter(string parameter) =>
        new("MissingParameter", $"The request must contain the parameter {parameter}.");

    public static AwsServiceException InvalidAttributeName(string name) =>
        new("InvalidAttributeName", $"Unknown Attribute {name}.");

    public static AwsServiceException InvalidAttributeValue(string name, string? reason = null) =>
        new("InvalidAttributeValue", reason is null ? $"Invalid value for the parameter {name}." : $"Invalid value for the parameter {name}. Reason: {reason}");

    public static AwsServiceException QueueNameExists(string attribute) =>
        new("QueueNameExists", $"A queue already exists with the same name and a different value for attribute {attribute}") { QueryCode = "QueueAlreadyExists" };

    public static AwsServiceException QueueDeletedRecently() =>
        new("QueueDeletedRecently", "You must wait 60 seconds after deleting a queue before you can create another queue with the same name.")
        { QueryCode = "AWS.SimpleQueueService.QueueDeletedRecently" };

    public static AwsServiceException ReceiptHandleIsInvalid(string handle) =>
        new("ReceiptHandleIsInvalid", $"The input receipt handle \"{handle}\" is not a valid receipt handle.");

    public static AwsServiceException MessageNotInflight() =>
        new("MessageNotInflight", "Message does not exist or is not available for visibility timeout change.")
        { QueryCode = "AWS.SimpleQueueService.MessageNotInflight" };

    public static AwsServiceException InvalidMessageContents() =>
        new("InvalidMessageContents", "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF");

    public static AwsServiceException PurgeQueueInProgress(string queue) =>
        new("PurgeQueueInProgress", $"Only one PurgeQueue operation on {queue} is allowed every 60 seconds.", 403)
        { QueryCode = "AWS.SimpleQueueService.PurgeQueueInProgress" };

    public static AwsServiceException EmptyBatchRequest(string entryName) =>
        new("EmptyBatchRequest", $"There should be at least one {entryName} in the request.")
        { QueryCode = "AWS.SimpleQueueService.EmptyBatchRequest" };

    public static AwsServiceException TooManyEntriesInBatchRequest(int count) =>
        new("TooManyEntriesInBatchRequest", $"Maximum number of entries per request are 10. You have sent {count}.")
        { QueryCode = "AWS.SimpleQueueService.TooManyEntriesInBatchRequest" };

    public static AwsServiceException BatchEntryIdsNotDistinct(string id) =>
        new("BatchEntryIdsNotDistinct", $"Id {id} repeated.") { QueryCode = "AWS.SimpleQueueService.BatchEntryIdsNotDistinct" };

    public static AwsServiceException InvalidBatchEntryId() =>
        new("InvalidBatchEntryId", "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.")
        { QueryCode = "AWS.SimpleQueueService.InvalidBatchEntryId" };

    public static AwsServiceException BatchRequestTooLong(long size, int limit) =>
        new("BatchRequestTooLong", $"Batch requests cannot be longer than {limit} bytes. You have sent {size} bytes.")
        { QueryCode = "AWS.SimpleQueueService.BatchRequestTooLong" };

    public static AwsServiceException TooManyTags() =>
        InvalidParameterValue("Too many tags added for queue. The maximum number of tags is 50.");

    public static AwsServiceException ResourceNotFound(string message) => new("ResourceNotFoundException", message, 404);

    public static AwsServiceException UnsupportedOperation(string message) =>
        new("UnsupportedOperation", message) { QueryCode = "AWS.SimpleQueueService.UnsupportedOperation" };

    public static AwsServiceException OverLimit(string message) => new("OverLimit", message, 403);
}
