using Stratus.Protocols;

namespace Stratus.Services.CloudFormation.Templates;

/// <summary>
/// A template, parameter or transform problem, answered as CloudFormation answers it: the awsQuery error code
/// <c>ValidationError</c> with HTTP 400 and the message worded as AWS words it
/// (e.g. "Template format error: Unresolved resource dependencies [X] in the Resources block of the template").
/// </summary>
public sealed class TemplateValidationException : AwsServiceException
{
    public TemplateValidationException(string message) : base("ValidationError", message)
    {
    }

    /// <summary>"Template format error: ..." — structural problems CloudFormation reports before evaluating anything.</summary>
    public static TemplateValidationException Format(string detail) => new($"Template format error: {detail}");

    /// <summary>"Template error: ..." — problems found while evaluating intrinsic functions.</summary>
    public static TemplateValidationException Evaluation(string detail) => new($"Template error: {detail}");
}
