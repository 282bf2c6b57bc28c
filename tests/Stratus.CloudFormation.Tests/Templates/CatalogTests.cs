using Stratus.Services.CloudFormation.Templates.Catalog;
using Xunit;

namespace Stratus.CloudFormation.Tests.Templates;

public sealed class CatalogTests
{
    public static TheoryData<string> IssueTypes => new()
    {
        "AWS::S3::Bucket", "AWS::S3::BucketPolicy", "AWS::SQS::Queue", "AWS::SQS::QueuePolicy", "AWS::DynamoDB::Table",
        "AWS::Lambda::Function", "AWS::Lambda::Permission", "AWS::Lambda::EventSourceMapping", "AWS::Lambda::Version",
        "AWS::Lambda::Alias", "AWS::Lambda::EventInvokeConfig", "AWS::Lambda::LayerVersion", "AWS::Logs::LogGroup",
        "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Route",
        "AWS::ApiGatewayV2::Integration", "AWS::ApiGatewayV2::Stage", "AWS::ApiGatewayV2::Authorizer",
        "AWS::ApiGatewayV2::Deployment", "AWS::ApiGateway::RestApi", "AWS::ApiGateway::Resource", "AWS::ApiGateway::Method",
        "AWS::ApiGateway::Deployment", "AWS::ApiGateway::Stage", "AWS::ApiGateway::Authorizer", "AWS::ApiGateway::ApiKey",
        "AWS::ApiGateway::UsagePlan", "AWS::ApiGateway::UsagePlanKey", "AWS::CloudFormation::WaitConditionHandle",
        "AWS::SNS::Topic", "AWS::SNS::Subscription",
    };

    [Theory]
    [MemberData(nameof(IssueTypes))]
    public void EveryTypeTheIssueListsIsCatalogued(string type)
    {
        Assert.True(ResourceTypeCatalog.TryGet(type, out var info));
        Assert.False(string.IsNullOrWhiteSpace(info.RefDescription));
    }

    [Theory]
    [InlineData("AWS::SQS::Queue", RefKind.Url, "Arn", "QueueName")]
    [InlineData("AWS::DynamoDB::Table", RefKind.Name, "Arn", "StreamArn")]
    [InlineData("AWS::Lambda::Function", RefKind.Name, "Arn", "Arn")]
    [InlineData("AWS::Lambda::Version", RefKind.Arn, "Version", "FunctionArn")]
    [InlineData("AWS::ApiGateway::RestApi", RefKind.Id, "RootResourceId", "RestApiId")]
    [InlineData("AWS::ApiGatewayV2::Api", RefKind.Id, "ApiEndpoint", "ApiId")]
    [InlineData("AWS::IAM::Role", RefKind.Name, "Arn", "RoleId")]
    [InlineData("AWS::SNS::Topic", RefKind.Arn, "TopicName", "TopicArn")]
    public void RefAndAttributesMatchTheResourceReference(string type, RefKind kind, string attribute, string another)
    {
        Assert.True(ResourceTypeCatalog.TryGet(type, out var info));
        Assert.Equal(kind, info.Ref);
        Assert.True(info.SupportsAttribute(attribute));
        Assert.True(info.SupportsAttribute(another));
        Assert.False(info.SupportsAttribute("NoSuchAttribute"));
    }

    [Theory]
    [InlineData("AWS::SQS::Queue", "QueueName", true)]
    [InlineData("AWS::SQS::Queue", "VisibilityTimeout", false)]
    [InlineData("AWS::S3::Bucket", "BucketName", true)]
    [InlineData("AWS::Lambda::Function", "FunctionName", true)]
    [InlineData("AWS::Lambda::Function", "Code", false)]
    [InlineData("AWS::Lambda::Permission", "SourceArn", true)]
    [InlineData("AWS::ApiGateway::Resource", "PathPart", true)]
    [InlineData("AWS::IAM::Role", "Policies", false)]
    public void ReplacementRulesMatchTheResourceReference(string type, string property, bool replaces)
    {
        Assert.True(ResourceTypeCatalog.TryGet(type, out var info));
        Assert.Equal(replaces, info.RequiresReplacement(property));
    }
}
