using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates;
using Xunit;

namespace Stratus.CloudFormation.Tests.Templates;

public sealed class ParsingTests
{
    private static JsonNode? Value(string yaml) => Template.Parse($"Resources:\n  R:\n    Type: T\n    Properties:\n      P: {yaml}\n")
        .Resources["R"]!["Properties"]!["P"];

    [Theory]
    [InlineData("!Ref Bucket", """{"Ref":"Bucket"}""")]
    [InlineData("!GetAtt Queue.Arn", """{"Fn::GetAtt":["Queue","Arn"]}""")]
    [InlineData("!GetAtt Db.Endpoint.Address", """{"Fn::GetAtt":["Db","Endpoint.Address"]}""")]
    [InlineData("!GetAtt [Queue, Arn]", """{"Fn::GetAtt":["Queue","Arn"]}""")]
    [InlineData("!Sub '${AWS::StackName}-x'", """{"Fn::Sub":"${AWS::StackName}-x"}""")]
    [InlineData("!Sub ['${A}', {A: !Ref B}]", """{"Fn::Sub":["${A}",{"A":{"Ref":"B"}}]}""")]
    [InlineData("!Join [',', [a, b]]", """{"Fn::Join":[",",["a","b"]]}""")]
    [InlineData("!If [C, 1, !Ref AWS::NoValue]", """{"Fn::If":["C",1,{"Ref":"AWS::NoValue"}]}""")]
    [InlineData("!Select [0, !GetAZs '']", """{"Fn::Select":[0,{"Fn::GetAZs":""}]}""")]
    [InlineData("!Split [',', 'a,b']", """{"Fn::Split":[",","a,b"]}""")]
    [InlineData("!FindInMap [M, K, V]", """{"Fn::FindInMap":["M","K","V"]}""")]
    [InlineData("!Base64 abc", """{"Fn::Base64":"abc"}""")]
    [InlineData("!Equals [a, b]", """{"Fn::Equals":["a","b"]}""")]
    [InlineData("!And [!Condition A, !Not [!Condition B]]", """{"Fn::And":[{"Condition":"A"},{"Fn::Not":[{"Condition":"B"}]}]}""")]
    [InlineData("!Or [!Condition A, !Condition B]", """{"Fn::Or":[{"Condition":"A"},{"Condition":"B"}]}""")]
    [InlineData("!ImportValue shared-vpc", """{"Fn::ImportValue":"shared-vpc"}""")]
    [InlineData("!Cidr [10.0.0.0/16, 2, 8]", """{"Fn::Cidr":["10.0.0.0/16",2,8]}""")]
    [InlineData("!Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}", """{"Fn::Transform":{"Name":"AWS::Include","Parameters":{"Location":"s3://b/k"}}}""")]
    [InlineData("!Ref 123", """{"Ref":"123"}""")]
    public void ShortFormTagsBecomeLongForms(string yaml, string json)
    {
        Assert.Equal(json, Value(yaml)!.ToJsonString());
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("'123'", "\"123\"")]
    [InlineData("\"true\"", "\"true\"")]
    [InlineData("123", "123")]
    [InlineData("-7", "-7")]
    [InlineData("0x1F", "31")]
    [InlineData("0755", "493")]
    [InlineData("012345678901", "\"012345678901\"")]
    [InlineData("1.5", "1.5")]
    [InlineData("true", "true")]
    [InlineData("No", "false")]
    [InlineData("~", "null")]
    [InlineData("2010-09-09", "\"2010-09-09\"")]
    [InlineData("1e5", "\"1e5\"")]
    public void PlainScalarsAreTypedAsYaml11AndQuotedOnesStayStrings(string yaml, string json)
    {
        Assert.Equal(json, Value(yaml)?.ToJsonString() ?? "null");
    }

    [Fact]
    public void LiteralAndFoldedBlocksKeepTheirLineBreaks()
    {
        var template = Template.Parse("Resources:\n  R:\n    Type: T\n    Properties:\n      Literal: |\n        line one\n        line two\n      Folded: >\n        a\n        b\n");
        var properties = template.Resources["R"]!["Properties"]!;
        Assert.Equal("line one\nline two\n", properties["Literal"]!.GetValue<string>());
        Assert.Equal("a b\n", properties["Folded"]!.GetValue<string>());
    }

    [Fact]
    public void JsonTemplatesAreReadAsJson()
    {
        var template = Template.Parse("""  {"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": 5}}}}""");
        Assert.Equal(5, template.Resources["Q"]!["Properties"]!["DelaySeconds"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("Resources:\n  R:\n    Type: [unclosed\n", "Template format error: YAML not well-formed. (line 4, column 1)")]
    [InlineData("{\n  \"Resources\": {\n    \"R\": ,\n  }\n}", "Template format error: JSON not well-formed. (line 3, column 10)")]
    [InlineData("just a string", "Template format error: unsupported structure.")]
    [InlineData("Resources:\n  A: &x {Type: T}\n  B: *x\n", "Template format error: YAML not well-formed: YAML aliases are not supported in CloudFormation templates. (line 3, column 6)")]
    [InlineData("Resources:\n  A: {Type: T}\n  A: {Type: U}\n", "Template format error: YAML not well-formed: duplicate key 'A'. (line 3, column 3)")]
    [InlineData("Resources:\n  A: !Bogus x\n", "Template format error: YAML not well-formed: unknown tag !Bogus. (line 2, column 6)")]
    public void MalformedTemplatesGiveCloudFormationsWordingWithPositions(string body, string message)
    {
        var error = Assert.Throws<TemplateValidationException>(() => Template.Parse(body));
        Assert.Equal(message, error.Message);
        Assert.Equal("ValidationError", error.Code);
    }

    [Fact]
    public void PathologicallyDeepTemplatesAreRefused()
    {
        var yaml = "Resources: " + new string('[', 300) + new string(']', 300);
        var error = Assert.Throws<TemplateValidationException>(() => Template.Parse(yaml));
        Assert.Contains("nesting deeper than 256 levels", error.Message);
    }

    [Fact]
    public void TransformsAreListedWhetherOneOrMany()
    {
        Assert.Equal(["AWS::Serverless-2016-10-31"], Template.Parse("Transform: AWS::Serverless-2016-10-31\nResources: {}").Transforms);
        Assert.Equal(["A", "B"], Template.Parse("Transform: [A, B]\nResources: {}").Transforms);
    }
}
