using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates;
using Stratus.Services.CloudFormation.Templates.Sam;
using Xunit;

namespace Stratus.CloudFormation.Tests.Sam;

/// <summary>Behaviour of the transform beyond what the translator comparison covers: Stratus-specific options and
/// limits.</summary>
public sealed class SamTransformTests
{
    private const string LocalCode = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: apps/jobs/src/Api
              Handler: bootstrap
              Runtime: provided.al2023
          Layer:
            Type: AWS::Serverless::LayerVersion
            Properties:
              ContentUri: layers/common
        """;

    [Fact]
    public void LocalArtifactPathsUseTheUploadedLocation()
    {
        var uploads = new List<string>();
        var options = new SamTransformOptions
        {
            LocalArtifacts = (logicalId, property, path) =>
            {
                uploads.Add($"{logicalId} {property} {path}");
                return new S3ArtifactLocation("stratus-artifacts", $"{path.Replace('/', '-')}.zip", "7");
            },
        };
        var resources = SamTransform.Transform(Template.Parse(LocalCode), options).Resources;
        Assert.Equal("""{"S3Bucket":"stratus-artifacts","S3Key":"apps-jobs-src-Api.zip","S3ObjectVersion":"7"}""", resources["Api"]!["Properties"]!["Code"]!.ToJsonString());
        var layer = Assert.Single(resources, r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::LayerVersion");
        Assert.Equal("layers-common.zip", layer.Value!["Properties"]!["Content"]!["S3Key"]!.GetValue<string>());
        Assert.Equal(2, uploads.Count);
    }

    [Fact]
    public void IgnoreGlobalsKeepsTheNamedGlobalsAway()
    {
        const string yaml = """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Timeout: 30
                MemorySize: 512
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                IgnoreGlobals: [Timeout]
                Properties: {CodeUri: s3://b/k.zip, Handler: h, Runtime: dotnet8}
            """;
        var function = (JsonObject)SamTransform.Transform(Template.Parse(yaml)).Resources["Fn"]!["Properties"]!;
        Assert.Null(function["Timeout"]);
        Assert.Equal(512L, function["MemorySize"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("AWS::Serverless::StateMachine", "Resource with id [X] is invalid. Stratus does not support the resource type 'AWS::Serverless::StateMachine' yet.")]
    [InlineData("AWS::Serverless::Application", "Resource with id [X] is invalid. Stratus does not support the resource type 'AWS::Serverless::Application' yet.")]
    public void UnsupportedSamTypesAreNamedNotSkipped(string type, string detail)
    {
        var yaml = $"Transform: AWS::Serverless-2016-10-31\nResources:\n  X:\n    Type: {type}\n    Properties: {{}}\n";
        var error = Assert.Throws<TemplateValidationException>(() => SamTransform.Transform(Template.Parse(yaml)));
        Assert.EndsWith(detail, error.Message);
    }

    [Fact]
    public void TheProcessorRunsDeclaredTransformsAndSummarizesCapabilities()
    {
        var processed = TemplateProcessor.Process(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SamTemplates", "jobs.yaml")));
        Assert.Empty(processed.Processed.Transforms);
        Assert.Equal(["AWS::Serverless-2016-10-31"], processed.Transforms);
        var summary = TemplateSummary.From(processed);
        Assert.Equal(["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"], summary.Capabilities);
        Assert.Equal(["CAPABILITY_AUTO_EXPAND"], summary.MissingCapabilities(["CAPABILITY_NAMED_IAM"]));
        Assert.Contains("AWS::Lambda::Function", summary.ResourceTypes);
        Assert.Equal("Stage", Assert.Single(summary.Parameters).Name);

        var error = Assert.Throws<TemplateValidationException>(() => TemplateProcessor.Process("Transform: AWS::Include\nResources:\n  Q: {Type: AWS::SQS::Queue}\n"));
        Assert.Equal("Template format error: Transform AWS::Include is not supported by Stratus", error.Message);
    }
}
