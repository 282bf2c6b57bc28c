using System.Diagnostics.CodeAnalysis;
using System.Collections.Frozen;

namespace Stratus.Services.CloudFormation.Templates.Catalog;

/// <summary>
/// The Ref / Fn::GetAtt results and replacement rules of the resource types Stratus provisions, as the AWS resource
/// and property reference (CloudFormation Template Reference) documents them: the "Return values" section of each
/// type's page and each property's "Update requires: Replacement" line (the createOnlyProperties of the type's
/// resource provider schema). The provisioner uses it to know what to store as the physical id, which attributes
/// to record, and whether an update modifies a resource in place or replaces it.
/// </summary>
public static class ResourceTypeCatalog
{
    //  type                                   Ref      Ref returns                              GetAtt attributes                                   replacement properties
    private static readonly ResourceTypeInfo[] _rows =
    [
        Row("AWS::S3::Bucket", RefKind.Name, "the bucket name",
            ["Arn", "DomainName", "DualStackDomainName", "RegionalDomainName", "WebsiteURL",
             "MetadataTableConfiguration.S3TablesDestination.TableArn", "MetadataTableConfiguration.S3TablesDestination.TableNamespace"],
            ["BucketName"]),
        Row("AWS::S3::BucketPolicy", RefKind.Name, "the name of the bucket the policy applies to", [], ["Bucket"]),
        Row("AWS::SQS::Queue", RefKind.Url, "the queue URL", ["Arn", "QueueName", "QueueUrl"], ["FifoQueue", "QueueName"]),
        Row("AWS::SQS::QueuePolicy", RefKind.Id, "the policy id", ["Id"], []),
        // KeySchema and LocalSecondaryIndexes cannot change on a live table: the reference lists them as Replacement.
        Row("AWS::DynamoDB::Table", RefKind.Name, "the table name", ["Arn", "StreamArn"],
            ["TableName", "KeySchema", "LocalSecondaryIndexes", "ImportSourceSpecification"]),
        Row("AWS::Lambda::Function", RefKind.Name, "the function name",
            ["Arn", "SnapStartResponse.ApplyOn", "SnapStartResponse.OptimizationStatus"],
            ["FunctionName", "PackageType", "TenancyConfig"]),
        Row("AWS::Lambda::Permission", RefKind.Id, "the permission's statement id", ["Id"],
            ["Action", "EventSourceToken", "FunctionName", "FunctionUrlAuthType", "InvokedViaFunctionUrl", "Principal",
             "PrincipalOrgID", "SourceAccount", "SourceArn"]),
        Row("AWS::Lambda::EventSourceMapping", RefKind.Id, "the mapping's UUID", ["Id", "EventSourceMappingArn"],
            ["EventSourceArn", "StartingPosition", "StartingPositionTimestamp", "SelfManagedEventSource",
             "AmazonManagedKafkaEventSourceConfig", "SelfManagedKafkaEventSourceConfig"]),
        Row("AWS::Lambda::Version", RefKind.Arn, "the version ARN", ["FunctionArn", "Version"],
            ["CodeSha256", "Description", "FunctionName", "ProvisionedConcurrencyConfig", "RuntimePolicy"]),
        Row("AWS::Lambda::Alias", RefKind.Arn, "the alias ARN", ["AliasArn"], ["FunctionName", "Name"]),
        Row("AWS::Lambda::EventInvokeConfig", RefKind.Id, "an identifier of the function and qualifier", [],
            ["FunctionName", "Qualifier"]),
        Row("AWS::Lambda::LayerVersion", RefKind.Arn, "the layer version ARN", ["LayerVersionArn"],
            ["CompatibleArchitectures", "CompatibleRuntimes", "Content", "Description", "LayerName", "LicenseInfo"]),
        Row("AWS::Lambda::LayerVersionPermission", RefKind.Id, "the permission id", ["Id"],
            ["Action", "LayerVersionArn", "OrganizationId", "Principal"]),
        Row("AWS::Lambda::Url", RefKind.Arn, "the function ARN", ["FunctionArn", "FunctionUrl"], ["Qualifier", "TargetFunctionArn"]),
        Row("AWS::Logs::LogGroup", RefKind.Name, "the log group name", ["Arn"], ["LogGroupName"]),
        Row("AWS::IAM::Role", RefKind.Name, "the role name", ["Arn", "RoleId"], ["Path", "RoleName"]),
        Row("AWS::IAM::Policy", RefKind.Id, "the policy id", ["Id"], []),
        Row("AWS::IAM::ManagedPolicy", RefKind.Arn, "the policy ARN",
            ["PolicyArn", "AttachmentCount", "CreateDate", "DefaultVersionId", "IsAttachable",
             "PermissionsBoundaryUsageCount", "PolicyId", "UpdateDate"],
            ["Description", "ManagedPolicyName", "Path"]),
        Row("AWS::ApiGatewayV2::Api", RefKind.Id, "the API id", ["ApiEndpoint", "ApiId"], ["ProtocolType"]),
        Row("AWS::ApiGatewayV2::Route", RefKind.Id, "the route id", ["RouteId"], ["ApiId"]),
        Row("AWS::ApiGatewayV2::Integration", RefKind.Id, "the integration id", ["IntegrationId"], ["ApiId"]),
        Row("AWS::ApiGatewayV2::Stage", RefKind.Name, "the stage name", [], ["ApiId", "StageName"]),
        Row("AWS::ApiGatewayV2::Authorizer", RefKind.Id, "the authorizer id", ["AuthorizerId"], ["ApiId"]),
        Row("AWS::ApiGatewayV2::Deployment", RefKind.Id, "the deployment id", ["DeploymentId"], ["ApiId"]),
        Row("AWS::ApiGateway::RestApi", RefKind.Id, "the REST API id", ["RestApiId", "RootResourceId"], []),
        Row("AWS::ApiGateway::Resource", RefKind.Id, "the resource id", ["ResourceId"], ["ParentId", "PathPart", "RestApiId"]),
        Row("AWS::ApiGateway::Method", RefKind.Id, "an identifier of the method", [], ["HttpMethod", "ResourceId", "RestApiId"]),
        Row("AWS::ApiGateway::Deployment", RefKind.Id, "the deployment id", ["DeploymentId"], ["DeploymentCanarySettings", "RestApiId"]),
        Row("AWS::ApiGateway::Stage", RefKind.Name, "the stage name", [], ["RestApiId", "StageName"]),
        Row("AWS::ApiGateway::Authorizer", RefKind.Id, "the authorizer id", ["AuthorizerId"], ["RestApiId"]),
        Row("AWS::ApiGateway::ApiKey", RefKind.Id, "the API key id", ["APIKeyId"], ["GenerateDistinctId", "Name", "Value"]),
        Row("AWS::ApiGateway::UsagePlan", RefKind.Id, "the usage plan id", ["Id"], []),
        Row("AWS::ApiGateway::UsagePlanKey", RefKind.Id, "the usage plan key id", ["Id"], ["KeyId", "KeyType", "UsagePlanId"]),
        Row("AWS::ApiGateway::Account", RefKind.Id, "the account settings id", ["Id"], []),
        Row("AWS::CloudFormation::WaitConditionHandle", RefKind.Url, "a presigned URL to signal the wait condition", [], []),
        Row("AWS::SNS::Topic", RefKind.Arn, "the topic ARN", ["TopicArn", "TopicName"], ["FifoTopic", "TopicName"]),
        Row("AWS::SNS::Subscription", RefKind.Arn, "the subscription ARN", ["Arn"], ["Endpoint", "Protocol", "TopicArn"]),
        Row("AWS::SNS::TopicPolicy", RefKind.Id, "the policy id", ["Id"], []),
        // Ref of a rule on a custom event bus is "bus-name|rule-name"; on the default bus, the rule name.
        Row("AWS::Events::Rule", RefKind.Name, "the rule name", ["Arn"], ["Name"]),
        Row("AWS::Cognito::UserPool", RefKind.Id, "the user pool id", ["Arn", "ProviderName", "ProviderURL", "UserPoolId"], []),
        Row("AWS::Cognito::UserPoolClient", RefKind.Id, "the app client id", ["ClientId", "ClientSecret", "Name"],
            ["GenerateSecret", "UserPoolId"]),
    ];

    private static readonly FrozenDictionary<string, ResourceTypeInfo> _byType =
        _rows.ToFrozenDictionary(r => r.Type, StringComparer.Ordinal);

    public static IReadOnlyCollection<ResourceTypeInfo> All => _rows;

    public static bool TryGet(string type, [NotNullWhen(true)] out ResourceTypeInfo? info) => _byType.TryGetValue(type, out info);

    public static bool IsSupported(string type) => _byType.ContainsKey(type);

    private static ResourceTypeInfo Row(string type, RefKind kind, string refReturns, string[] attributes, string[] replacement) =>
        new(type, kind, refReturns, attributes, replacement);
}
