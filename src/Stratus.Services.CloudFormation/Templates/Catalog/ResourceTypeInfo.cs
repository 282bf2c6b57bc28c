namespace Stratus.Services.CloudFormation.Templates.Catalog;

/// <summary>What <c>Ref</c> returns for a resource type — which is also the physical id CloudFormation shows.</summary>
public enum RefKind
{
    /// <summary>The resource's name (bucket, table, function, role, log group, stage, rule ...).</summary>
    Name,

    /// <summary>The resource's ARN (topic, subscription, version, alias, layer version, managed policy).</summary>
    Arn,

    /// <summary>The queue URL (SQS) or presigned URL (WaitConditionHandle).</summary>
    Url,

    /// <summary>A service-generated identifier (API id, deployment id, mapping UUID, policy id ...).</summary>
    Id,
}

/// <summary>
/// One row of <see cref="ResourceTypeCatalog"/>: the "Return values" and "Update requires: Replacement" facts the AWS
/// resource reference documents for a type.
/// </summary>
/// <param name="Type">e.g. AWS::SQS::Queue</param>
/// <param name="Ref">what Ref returns</param>
/// <param name="RefDescription">the same in AWS's words</param>
/// <param name="Attributes">the names Fn::GetAtt accepts (nested ones with dots, e.g. SnapStartResponse.ApplyOn)</param>
/// <param name="ReplacementProperties">top-level properties whose change replaces the resource</param>
public sealed record ResourceTypeInfo(
    string Type,
    RefKind Ref,
    string RefDescription,
    IReadOnlyList<string> Attributes,
    IReadOnlyList<string> ReplacementProperties)
{
    public bool SupportsAttribute(string attribute) => Attributes.Contains(attribute, StringComparer.Ordinal);

    public bool RequiresReplacement(string property) => ReplacementProperties.Contains(property, StringComparer.Ordinal);
}
