using Stratus.Services.CloudFormation.Templates;
using Xunit;

namespace Stratus.CloudFormation.Tests.Templates;

public sealed class GraphTests
{
    [Fact]
    public void ResourcesAreCreatedAfterWhatTheyReferenceAndDeletedBefore()
    {
        var plan = Plans.Create("""
            Resources:
              Function:
                Type: AWS::Lambda::Function
                Properties: {Role: !GetAtt Role.Arn, Environment: {Variables: {Q: !Sub '${Queue}'}}}
              Mapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties: {FunctionName: !Ref Function, EventSourceArn: !GetAtt Queue.Arn}
              Queue: {Type: AWS::SQS::Queue}
              Role: {Type: AWS::IAM::Role}
              Log: {Type: AWS::Logs::LogGroup, DependsOn: Mapping}
            """);
        Assert.Equal(["Queue", "Role", "Function", "Mapping", "Log"], plan.CreationOrder);
        Assert.Equal(["Log", "Mapping", "Function", "Role", "Queue"], plan.DeletionOrder);
        Assert.Equal(["Role", "Queue"], plan.Graph.DependenciesOf("Function"));
        Assert.Equal([["Queue", "Role"], ["Function"], ["Mapping"], ["Log"]], plan.Graph.Waves);
    }

    [Fact]
    public void CyclesAreReportedWithTheResourcesOnThem()
    {
        var error = Assert.Throws<TemplateValidationException>(() => Plans.Create("""
            Resources:
              A: {Type: AWS::SQS::Queue, Properties: {X: !Ref B}}
              B: {Type: AWS::SQS::Queue, Properties: {X: !GetAtt C.Arn}}
              C: {Type: AWS::SQS::Queue, DependsOn: A}
              D: {Type: AWS::SQS::Queue, DependsOn: C}
            """));
        Assert.Equal("Circular dependency between resources: [A, B, C]", error.Message);
    }

    [Fact]
    public void UnknownDependsOnTargetsAreUnresolvedDependencies()
    {
        var error = Assert.Throws<TemplateValidationException>(() => Plans.Create("Resources:\n  A: {Type: AWS::SQS::Queue, DependsOn: [Ghost]}\n"));
        Assert.Equal("Template format error: Unresolved resource dependencies [Ghost] in the Resources block of the template", error.Message);
    }

    [Fact]
    public void ResourcesWhoseConditionIsFalseAreLeftOutAndMayOnlyBeReferencedThroughUntakenBranches()
    {
        const string yaml = """
            Parameters:
              WithDlq: {Type: String, Default: 'false'}
            Conditions:
              HasDlq: !Equals [!Ref WithDlq, 'true']
            Resources:
              Dlq: {Type: AWS::SQS::Queue, Condition: HasDlq}
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  RedrivePolicy: !If [HasDlq, {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 4}, !Ref AWS::NoValue]
            """;
        var without = Plans.Create(yaml);
        Assert.Equal(["Queue"], without.CreationOrder);
        var with = Plans.Create(yaml, ("WithDlq", "true"));
        Assert.Equal(["Dlq", "Queue"], with.CreationOrder);

        var error = Assert.Throws<TemplateValidationException>(() => Plans.Create(yaml.Replace("!If [HasDlq, {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 4}, !Ref AWS::NoValue]", "{deadLetterTargetArn: !GetAtt Dlq.Arn}")));
        Assert.Equal("Template format error: Unresolved resource dependencies [Dlq] in the Resources block of the template", error.Message);
    }

    [Fact]
    public void StructuralErrorsAreReportedAsCloudFormationDoes()
    {
        Assert.Equal("Template format error: At least one Resources member must be defined.",
            Assert.Throws<TemplateValidationException>(() => Plans.Create("Resources: {}")).Message);
        Assert.Equal("Template format error: Every Resources object must contain a Type member.",
            Assert.Throws<TemplateValidationException>(() => Plans.Create("Resources:\n  A: {Properties: {}}")).Message);
        Assert.Equal("Template format error: Invalid template resource property 'Propertes'",
            Assert.Throws<TemplateValidationException>(() => Plans.Create("Resources:\n  A: {Type: X, Propertes: {}}")).Message);
        Assert.Equal("Template format error: Invalid template property or properties [Resource]",
            Assert.Throws<TemplateValidationException>(() => Plans.Create("Resource: {}\nResources:\n  A: {Type: X}")).Message);
        Assert.Equal("Template format error: Resource name my-queue is non alphanumeric.",
            Assert.Throws<TemplateValidationException>(() => Plans.Create("Resources:\n  my-queue: {Type: X}")).Message);
        Assert.Equal("Template format error: Unresolved resource dependencies [Nope] in the Outputs block of the template",
            Assert.Throws<TemplateValidationException>(() => Plans.Create("Resources:\n  A: {Type: X}\nOutputs:\n  O: {Value: !Ref Nope}")).Message);
    }
}
