using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates;
using Stratus.Services.CloudFormation.Templates.Evaluation;

namespace Stratus.CloudFormation.Tests.Templates;

/// <summary>Shortcuts for building plans from inline YAML in tests.</summary>
internal static class Plans
{
    public static readonly StackContext Stack = StackContext.Create("demo", "eu-west-1", "123456789012", Guid.Parse("11111111-2222-3333-4444-555555555555"));

    public static StackPlan Create(string yaml, params (string Key, string Value)[] parameters) =>
        StackPlan.Create(Template.Parse(yaml), Stack, parameters.ToDictionary(p => p.Key, p => p.Value));

    /// <summary>Evaluates the single property <c>P</c> of resource <c>R</c> of a template with those sections.</summary>
    public static JsonNode? EvaluateProperty(string preamble, string value, DictionaryResourceResolver? resolver = null, params (string, string)[] parameters)
    {
        var plan = Create($"{preamble}\nResources:\n  R:\n    Type: AWS::SQS::Queue\n    Properties:\n      P: {value}\n  Other:\n    Type: AWS::SQS::Queue\n", parameters);
        resolver ??= Resolver();
        return plan.EvaluateResource("R", resolver, resolver).Properties["P"];
    }

    public static DictionaryResourceResolver Resolver() => new DictionaryResourceResolver()
        .WithRef("Other", "https://sqs.eu-west-1.amazonaws.com/123456789012/other")
        .WithAttribute("Other", "Arn", JsonValue.Create("arn:aws:sqs:eu-west-1:123456789012:other"))
        .WithAttribute("Other", "QueueName", JsonValue.Create("other"))
        .WithExport("shared-name", "shared-value");
}
