using Stratus.Services.CloudFormation.Templates;
using Stratus.Services.CloudFormation.Templates.Sam;
using Xunit;

namespace Stratus.CloudFormation.Tests.Sam;

/// <summary>Invalid SAM templates are rejected with the message CloudFormation shows for the SAM translator's error.</summary>
public sealed class SamErrorTests
{
    private const string Function = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://b/k.zip
              Handler: h
              Runtime: dotnet8
        """ + "\n";

    public static TheoryData<string> Invalid => new()
    {
        Function.Replace("s3://b/k.zip", "./src"),
        Function + "      Events:\n        Up:\n          Type: S3\n          Properties:\n            Bucket: !Ref Nope\n            Events: s3:ObjectCreated:*\n",
        Function.Replace("Resources:", "Globals:\n  Functions:\n    Runtime: x\nResources:"),
        Function + "      AutoPublishAlias: !Sub '${AWS::StackName}'\n",
        Function + "      Events:\n        A:\n          Type: Api\n          Properties:\n            Path: /x\n            Method: get\n            Auth:\n              Authorizer: NONE\n",
        Function + "      Policies:\n        - DynamoDBCrudPolicy: {}\n  T:\n    Type: AWS::Serverless::SimpleTable\n    Properties:\n      PrimaryKey: {Name: id, Type: Text}\n",
        Function.Replace("      Handler: h\n", ""),
        Function + "      Events:\n        A:\n          Type: HttpApi\n          Properties:\n            Path: /x\n            Method: get\n            Auth:\n              Authorizer: Jwt\n",
        Function + "      AutoPublishAlias: '123'\n",
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task RejectionsCarryTheSamTranslatorsMessage(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"stratus-sam-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, yaml);
        try
        {
            var expected = await SamOracle.ErrorAsync(path);
            Assert.NotNull(expected);
            var error = Assert.Throws<TemplateValidationException>(() => SamTransform.Transform(Template.Parse(yaml)));
            Assert.Equal($"Transform AWS::Serverless-2016-10-31 failed with: {expected}", error.Message);
            Assert.Equal("ValidationError", error.Code);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
