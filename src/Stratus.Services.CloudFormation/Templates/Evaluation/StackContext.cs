using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Evaluation;

/// <summary>
/// What the pseudo parameters return for one stack: AWS::Region, AWS::AccountId, AWS::StackName, AWS::StackId,
/// AWS::Partition, AWS::URLSuffix and AWS::NotificationARNs. See "Pseudo parameters reference" in the CloudFormation
/// User Guide.
/// </summary>
public sealed record StackContext
{
    public const string DefaultRegion = "us-east-1";
    public const string DefaultAccountId = "000000000000";

    public required string StackName { get; init; }
    public string Region { get; init; } = DefaultRegion;
    public string AccountId { get; init; } = DefaultAccountId;

    /// <summary>The stack's ARN; <see cref="Create"/> makes one in CloudFormation's shape.</summary>
    public required string StackId { get; init; }

    public IReadOnlyList<string> NotificationArns { get; init; } = [];

    /// <summary>aws, aws-cn or aws-us-gov, from the region's prefix.</summary>
    public string Partition => PartitionOf(Region);

    /// <summary>amazonaws.com, or amazonaws.com.cn in the China regions.</summary>
    public string UrlSuffix => Partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";

    public static StackContext Create(string stackName, string region = DefaultRegion, string accountId = DefaultAccountId, Guid? stackGuid = null) => new()
    {
        StackName = stackName,
        Region = region,
        AccountId = accountId,
        StackId = $"arn:{PartitionOf(region)}:cloudformation:{region}:{accountId}:stack/{stackName}/{stackGuid ?? Guid.NewGuid()}",
    };

    public static string PartitionOf(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : "aws";

    /// <summary>Fn::GetAZs: Stratus models three zones per region, a to c (the AZs with a default subnet in a fresh
    /// account on AWS vary; three is what most regions give).</summary>
    public static JsonArray AvailabilityZones(string region) => [$"{region}a", $"{region}b", $"{region}c"];

    public static bool IsPseudoParameter(string name) => name is
        "AWS::Region" or "AWS::AccountId" or "AWS::StackName" or "AWS::StackId" or "AWS::Partition"
        or "AWS::URLSuffix" or "AWS::NoValue" or "AWS::NotificationARNs";

    /// <summary>A fresh node with the pseudo parameter's value; null for AWS::NoValue and unknown names.</summary>
    public JsonNode? PseudoParameter(string name) => name switch
    {
        "AWS::Region" => Region,
        "AWS::AccountId" => AccountId,
        "AWS::StackName" => StackName,
        "AWS::StackId" => StackId,
        "AWS::Partition" => Partition,
        "AWS::URLSuffix" => UrlSuffix,
        "AWS::NotificationARNs" => NotificationArns.ToJsonArray(),
        _ => null,
    };
}
