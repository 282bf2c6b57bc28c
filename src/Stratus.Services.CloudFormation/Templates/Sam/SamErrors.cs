namespace Stratus.Services.CloudFormation.Templates.Sam;

/// <summary>A problem with one SAM resource, worded as the SAM transform words it.</summary>
internal sealed class InvalidSamResourceException(string logicalId, string message) : Exception(message)
{
    public string LogicalId { get; } = logicalId;

    public string Describe() => $"Resource with id [{LogicalId}] is invalid. {Message}";
}

/// <summary>A problem with one event of a SAM function; reported under the function.</summary>
internal sealed class InvalidSamEventException(string eventId, string message) : Exception(message)
{
    public string EventId { get; } = eventId;

    public string Describe() => $"Event with id [{EventId}] is invalid. {Message}";
}

internal static class SamErrors
{
    public const string TransformName = "AWS::Serverless-2016-10-31";

    /// <summary>The ValidationError CloudFormation answers when the SAM transform rejects a template.</summary>
    public static TemplateValidationException Document(IReadOnlyList<string> errors) => new(
        $"Transform {TransformName} failed with: Invalid Serverless Application Specification document. "
        + $"Number of errors found: {errors.Count}. {string.Join(" ", errors)}");
}
