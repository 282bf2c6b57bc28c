using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Evaluation;

/// <summary>
/// Checks the Rules section against the bound parameters: for each rule whose RuleCondition holds (or that has
/// none), every Assertion must hold, else the stack operation fails with the assertion's description.
/// </summary>
public static class RuleEvaluator
{
    public static void Check(Template template, EvaluationContext context)
    {
        foreach (var (name, node) in template.Rules)
        {
            if (node is not JsonObject rule || rule["Assertions"] is not JsonArray assertions)
            {
                throw TemplateValidationException.Format($"Rule {name} must contain an Assertions list");
            }
            var evaluator = new IntrinsicEvaluator(context, TemplateBlock.Rules);
            if (rule["RuleCondition"] is { } condition && !evaluator.Truth(condition))
            {
                continue;
            }
            foreach (var assertion in assertions)
            {
                if (assertion is not JsonObject body || !body.ContainsKey("Assert"))
                {
                    throw TemplateValidationException.Format($"Every assertion of rule {name} must contain an Assert member");
                }
                if (!evaluator.Truth(body["Assert"]))
                {
                    throw new TemplateValidationException(body["AssertDescription"].AsString() ?? $"Assertion failed for rule {name}");
                }
            }
        }
    }
}
