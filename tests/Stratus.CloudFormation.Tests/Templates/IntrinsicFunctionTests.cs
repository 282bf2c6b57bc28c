using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates;
using Stratus.Services.CloudFormation.Templates.Evaluation;
using Xunit;

namespace Stratus.CloudFormation.Tests.Templates;

public sealed class IntrinsicFunctionTests
{
    private const string Preamble = """
        Parameters:
          Env: {Type: String, Default: dev}
          Sizes: {Type: CommaDelimitedList, Default: "a, b,c"}
          Count: {Type: Number, Default: 3}
        Mappings:
          Regions:
            eu-west-1: {Ami: ami-123, Zones: [x, y]}
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          IsDev: !Not [!Condition IsProd]
          Three: !Equals [!Ref Count, 3]
        """;

    private static string Eval(string expression, params (string, string)[] parameters) =>
        Plans.EvaluateProperty(Preamble, expression, null, parameters)?.ToJsonString() ?? "<absent>";

    [Theory]
    [InlineData("!Ref Env", "\"dev\"")]
    [InlineData("!Ref Sizes", """["a","b","c"]""")]
    [InlineData("!Ref Count", "\"3\"")]
    [InlineData("!Ref AWS::Region", "\"eu-west-1\"")]
    [InlineData("!Ref AWS::AccountId", "\"123456789012\"")]
    [InlineData("!Ref AWS::StackName", "\"demo\"")]
    [InlineData("!Ref AWS::StackId", "\"arn:aws:cloudformation:eu-west-1:123456789012:stack/demo/11111111-2222-3333-4444-555555555555\"")]
    [InlineData("!Ref AWS::Partition", "\"aws\"")]
    [InlineData("!Ref AWS::URLSuffix", "\"amazonaws.com\"")]
    [InlineData("!Ref AWS::NotificationARNs", "[]")]
    [InlineData("!Ref AWS::NoValue", "<absent>")]
    [InlineData("!Ref Other", "\"https://sqs.eu-west-1.amazonaws.com/123456789012/other\"")]
    [InlineData("!GetAtt Other.Arn", "\"arn:aws:sqs:eu-west-1:123456789012:other\"")]
    [InlineData("!GetAtt [Other, !Join ['', [Queue, Name]]]", "\"other\"")]
    [InlineData("!Sub '${AWS::StackName}-${Env}-${Other.QueueName}-${!Literal}'", "\"demo-dev-other-${Literal}\"")]
    [InlineData("!Sub ['${X}/${Y}', {X: !Ref Env, Y: 42}]", "\"dev/42\"")]
    [InlineData("!Join ['-', [a, !Ref Env, 7]]", "\"a-dev-7\"")]
    [InlineData("!Join [',', !Ref Sizes]", "\"a,b,c\"")]
    [InlineData("!Select [1, !Ref Sizes]", "\"b\"")]
    [InlineData("!Select ['0', !GetAZs '']", "\"eu-west-1a\"")]
    [InlineData("!GetAZs us-east-2", """["us-east-2a","us-east-2b","us-east-2c"]""")]
    [InlineData("!Split ['|', 'a|b||c']", """["a","b","","c"]""")]
    [InlineData("!FindInMap [Regions, !Ref AWS::Region, Ami]", "\"ami-123\"")]
    [InlineData("!FindInMap [Regions, eu-west-1, Zones]", """["x","y"]""")]
    [InlineData("!Base64 hello", "\"aGVsbG8=\"")]
    [InlineData("!ImportValue shared-name", "\"shared-value\"")]
    [InlineData("!Cidr ['10.0.0.0/16', 3, 8]", """["10.0.0.0/24","10.0.1.0/24","10.0.2.0/24"]""")]
    [InlineData("!Cidr ['192.168.0.0/24', 2, 6]", """["192.168.0.0/26","192.168.0.64/26"]""")]
    [InlineData("!Cidr ['2001:db8::/56', 2, 64]", """["2001:db8::/64","2001:db8:0:1::/64"]""")]
    [InlineData("!If [IsProd, big, small]", "\"small\"")]
    [InlineData("!If [IsDev, !Ref AWS::NoValue, x]", "<absent>")]
    [InlineData("!If [Three, three, other]", "\"three\"")]
    [InlineData("[a, !If [IsProd, b, !Ref AWS::NoValue], c]", """["a","c"]""")]
    [InlineData("{Keep: 1, Drop: !If [IsProd, 2, !Ref AWS::NoValue]}", """{"Keep":1}""")]
    public void FunctionsEvaluateAsCloudFormationDocumentsThem(string expression, string expected)
    {
        string actual;
        try
        {
            actual = Eval(expression);
        }
        catch (TemplateValidationException)
        {
            actual = "<error>";
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ConditionsFollowParameterValues()
    {
        Assert.Equal("\"big\"", Eval("!If [IsProd, big, small]", ("Env", "prod")));
    }

    [Theory]
    [InlineData("!Select [5, [a, b]]", "Template error: Fn::Select cannot select nonexistent value at index 5")]
    [InlineData("!FindInMap [Regions, us-east-1, Ami]", "Template error: Unable to get mapping for Regions::us-east-1::Ami")]
    [InlineData("!ImportValue missing", "No export named missing found.")]
    [InlineData("!Join [',']", "Template error: every Fn::Join object requires two parameters, (1) a string delimiter and (2) a list of strings to be joined or a function that returns a list of strings (such as Fn::GetAZs) to be joined.")]
    [InlineData("{'Fn::Bogus': 1}", "Template format error: Encountered unsupported function: Fn::Bogus Supported functions are: [Fn::Base64, Fn::GetAtt, Fn::GetAZs, Fn::ImportValue, Fn::Join, Fn::Split, Fn::FindInMap, Fn::Select, Ref, Fn::Equals, Fn::If, Fn::Not, Condition, Fn::And, Fn::Or, Fn::Contains, Fn::EachMemberEquals, Fn::EachMemberIn, Fn::ValueOf, Fn::ValueOfAll, Fn::RefAll, Fn::Sub, Fn::Cidr]")]
    [InlineData("!Sub '${Sizes}'", "Template error: variable Sizes in Fn::Sub expression does not resolve to a string")]
    public void FunctionErrorsUseCloudFormationsMessages(string expression, string message)
    {
        var error = Assert.Throws<TemplateValidationException>(() => Eval(expression));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("!Ref Nope", "Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template")]
    [InlineData("!GetAtt Nope.Arn", "Template error: instance of Fn::GetAtt references undefined resource Nope")]
    [InlineData("!Sub '${Nope}'", "Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template")]
    [InlineData("!GetAtt Other.Bogus", "Template error: resource Other does not support attribute type Bogus in Fn::GetAtt")]
    [InlineData("!If [Missing, a, b]", "Template error: unresolved condition dependency Missing in Fn::If")]
    public void UnknownNamesAreRejectedBeforeAnythingIsCreated(string expression, string message)
    {
        var error = Assert.Throws<TemplateValidationException>(() => Eval(expression));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void SymbolicEvaluationKeepsPendingReferencesAndEvaluatesTheRest()
    {
        var plan = Plans.Create("""
            Parameters:
              Env: {Type: String, Default: dev}
            Resources:
              Q: {Type: AWS::SQS::Queue}
              F:
                Type: AWS::Lambda::Function
                Properties:
                  Name: !Sub '${Env}-${Q.QueueName}'
                  Env: !Ref Env
                  List: [!Ref Q, !Join ['-', [a, !Ref Env]]]
                  Joined: !Join ['-', [!Ref Q, !Ref Env]]
                  Mapped: !Sub ['${A}/${B}', {A: !GetAtt Q.Arn, B: !Join ['', [x, !Ref Env]]}]
            """);
        var properties = plan.EvaluateResource("F", DictionaryResourceResolver.Empty, mode: ReferenceMode.Symbolic).Properties;
        Assert.Equal(
            """{"Name":{"Fn::Sub":"${Env}-${Q.QueueName}"},"Env":"dev","List":[{"Ref":"Q"},"a-dev"],"Joined":{"Fn::Join":["-",[{"Ref":"Q"},"dev"]]},"Mapped":{"Fn::Sub":["${A}/${B}",{"A":{"Fn::GetAtt":["Q","Arn"]},"B":"xdev"}]}}""",
            properties.ToJsonString());
    }

    [Fact]
    public void StrictEvaluationRefusesResourcesThatDoNotExistYet()
    {
        var plan = Plans.Create("Resources:\n  Q: {Type: AWS::SQS::Queue}\n  P: {Type: AWS::SQS::QueuePolicy, Properties: {Queues: [!Ref Q]}}\n");
        Assert.Throws<InvalidOperationException>(() => plan.EvaluateResource("P", DictionaryResourceResolver.Empty));
    }

    [Fact]
    public void ConditionsCannotReferenceResources()
    {
        var error = Assert.Throws<TemplateValidationException>(() => Plans.Create(
            "Conditions:\n  C: !Equals [!Ref Q, x]\nResources:\n  Q: {Type: AWS::SQS::Queue}\n"));
        Assert.Equal("Template format error: Unresolved dependencies [Q]. Cannot reference resources in the Conditions block of the template", error.Message);
    }

    [Fact]
    public void CircularConditionsAreRejected()
    {
        var error = Assert.Throws<TemplateValidationException>(() => Plans.Create(
            "Conditions:\n  A: !Not [!Condition B]\n  B: !Not [!Condition A]\nResources:\n  Q: {Type: AWS::SQS::Queue}\n"));
        Assert.Equal("Template format error: Circular dependency between conditions: [A, B]", error.Message);
    }

    [Fact]
    public void OutputsAreEvaluatedWithExportsAndConditions()
    {
        var plan = Plans.Create("""
            Conditions:
              Never: !Equals [a, b]
            Resources:
              Other: {Type: AWS::SQS::Queue}
            Outputs:
              Url: {Value: !Ref Other, Description: the queue, Export: {Name: !Sub '${AWS::StackName}-url'}}
              Hidden: {Value: x, Condition: Never}
            """);
        var output = Assert.Single(plan.EvaluateOutputs(Plans.Resolver()));
        Assert.Equal(new StackOutput("Url", "https://sqs.eu-west-1.amazonaws.com/123456789012/other", "the queue", "demo-url"), output);
    }
}
