using Stratus.Services.CloudFormation.Templates;
using Stratus.Services.CloudFormation.Templates.Diff;
using Xunit;

namespace Stratus.CloudFormation.Tests.Templates;

public sealed class DiffTests
{
    private const string Before = """
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: jobs
              BillingMode: PAY_PER_REQUEST
              KeySchema: [{AttributeName: id, KeyType: HASH}]
          Queue: {Type: AWS::SQS::Queue, Properties: {VisibilityTimeout: 30}}
          Gone: {Type: AWS::SNS::Topic}
        """;

    [Fact]
    public void AddedRemovedModifiedAndReplacedResourcesAreReported()
    {
        const string after = """
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: jobs
                  BillingMode: PROVISIONED
                  KeySchema: [{AttributeName: pk, KeyType: HASH}]
              Queue: {Type: AWS::SQS::Queue, Properties: {VisibilityTimeout: 60}, DeletionPolicy: Retain}
              Fresh: {Type: AWS::Logs::LogGroup}
            """;
        var changes = TemplateDiff.Compute(Plans.Create(Before).EvaluateSymbolically(), Plans.Create(after).EvaluateSymbolically())
            .ToDictionary(c => c.LogicalId);

        Assert.Equal(ChangeAction.Modify, changes["Table"].Action);
        Assert.Equal(Replacement.True, changes["Table"].Replacement);
        Assert.Equal(["BillingMode", "KeySchema"], changes["Table"].Properties.Select(p => p.Name));
        Assert.Equal([false, true], changes["Table"].Properties.Select(p => p.RequiresReplacement));

        Assert.Equal(Replacement.False, changes["Queue"].Replacement);
        Assert.Equal(["VisibilityTimeout"], changes["Queue"].Properties.Select(p => p.Name));
        Assert.Equal(["DeletionPolicy"], changes["Queue"].Attributes);

        Assert.Equal(ChangeAction.Add, changes["Fresh"].Action);
        Assert.Equal(ChangeAction.Remove, changes["Gone"].Action);
        Assert.Equal(4, changes.Count);
    }

    [Fact]
    public void ReplacementPropertiesThatDependOnOtherResourcesAreConditional()
    {
        const string before = "Resources:\n  Q: {Type: AWS::SQS::Queue, Properties: {QueueName: fixed}}\n  T: {Type: AWS::SNS::Topic}\n";
        const string after = "Resources:\n  Q: {Type: AWS::SQS::Queue, Properties: {QueueName: !GetAtt T.TopicName}}\n  T: {Type: AWS::SNS::Topic}\n";
        var change = Assert.Single(TemplateDiff.Compute(Plans.Create(before).EvaluateSymbolically(), Plans.Create(after).EvaluateSymbolically()));
        Assert.Equal(Replacement.Conditional, change.Replacement);
        Assert.True(Assert.Single(change.Properties).IsDynamic);
    }

    [Fact]
    public void UnchangedTemplatesHaveNoChangesAndTypeChangesAreRefused()
    {
        Assert.Empty(TemplateDiff.Compute(Plans.Create(Before).EvaluateSymbolically(), Plans.Create(Before).EvaluateSymbolically()));
        var retyped = Before.Replace("Gone: {Type: AWS::SNS::Topic}", "Gone: {Type: AWS::SQS::Queue}");
        var error = Assert.Throws<TemplateValidationException>(() =>
            TemplateDiff.Compute(Plans.Create(Before).EvaluateSymbolically(), Plans.Create(retyped).EvaluateSymbolically()));
        Assert.Equal("Update of resource type is not permitted. The new template modifies resource type of the following resources: [Gone]", error.Message);
    }
}
