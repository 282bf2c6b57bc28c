using Stratus.Services.CloudFormation.Templates;
using Stratus.Services.CloudFormation.Templates.Evaluation;
using Stratus.Services.CloudFormation.Templates.Sam;
using Xunit;

namespace Stratus.CloudFormation.Tests.Sam;

/// <summary>What the SAM transform produces is a template the rest of the engine accepts and can order.</summary>
public sealed class SamDeployPlanTests
{
    private static readonly StackContext _stack = StackContext.Create("jobs", "us-east-1", "123456789012");

    private static StackPlan Plan(string name, params (string, string)[] parameters)
    {
        var body = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SamTemplates", name));
        var processed = TemplateProcessor.Process(body, new SamTransformOptions { Region = _stack.Region });
        return StackPlan.Create(processed.Processed, _stack, parameters.ToDictionary(p => p.Item1, p => p.Item2));
    }

    [Theory]
    [MemberData(nameof(SamOracleTests.Templates), MemberType = typeof(SamOracleTests))]
    public void EveryExpandedTemplateCanBePlanned(string name)
    {
        var plan = Plan(name);
        Assert.Equal(plan.Resources.Count, plan.CreationOrder.Count);
        var symbolic = plan.EvaluateSymbolically();
        Assert.Equal(plan.Resources.Select(r => r.LogicalId).Order(StringComparer.Ordinal), symbolic.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheJobsSystemIsCreatedInDependencyOrder()
    {
        var order = Plan("jobs.yaml").CreationOrder.ToList();
        void Before(string first, string then) => Assert.True(order.IndexOf(first) < order.IndexOf(then), $"{first} must come before {then}");
        Before("ImportFunctionRole", "ImportFunction");
        Before("ImportFunction", "ImportFunctionCsvUploadedPermission");
        Before("ImportFunctionCsvUploadedPermission", "UploadBucket");
        Before("JobsDlq", "JobsQueue");
        Before("JobsQueue", "StoreFunctionJobs");
        Before("ApiFunctionVersion76c38935b8", "ApiFunctionAliaslive");
        Before("ApiFunctionAliaslive", "JobsApi");
        Before("JobsApi", "JobsApiApiGatewayDefaultStage");
        Before("AccessLogs", "JobsApiApiGatewayDefaultStage");
        Assert.Equal(order.AsEnumerable().Reverse(), Plan("jobs.yaml").DeletionOrder);
    }

    [Fact]
    public void ConditionalFunctionsLeaveTheirResourcesOutWhenOff()
    {
        var defaults = Plan("conditions.yaml").CreationOrder;
        Assert.Contains("Importer", defaults);
        Assert.DoesNotContain("Admin", defaults);
        Assert.DoesNotContain("AdminStatusPermission", defaults);
        var admin = Plan("conditions.yaml", ("WithAdmin", "true"), ("WithImporter", "false")).CreationOrder;
        Assert.Contains("AdminRole", admin);
        Assert.DoesNotContain("ImporterRole", admin);
    }

    [Fact]
    public void OutputsReferToTheGeneratedResources()
    {
        var plan = Plan("auto-publish-alias.yaml");
        var resolver = new DictionaryResourceResolver()
            .WithRef("WorkerAliaslive", "arn:aws:lambda:us-east-1:123456789012:function:worker:live")
            .WithRef("WorkerVersion3c1ffdd83a", "arn:aws:lambda:us-east-1:123456789012:function:worker:1");
        var outputs = plan.EvaluateOutputs(resolver).ToDictionary(o => o.Key, o => o.Value);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:worker:live", outputs["AliasArn"]);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:worker:1", outputs["VersionArn"]);
    }
}
