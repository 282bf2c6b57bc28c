using Stratus.Services.CloudFormation.Templates.Sam;

namespace Stratus.Services.CloudFormation.Templates;

/// <summary>A template as submitted and as processed (transforms expanded): CloudFormation keeps both and GetTemplate
/// returns either (TemplateStage Original / Processed).</summary>
public sealed record ProcessedTemplate(Template Original, Template Processed)
{
    public IReadOnlyList<string> Transforms => Original.Transforms;
}

/// <summary>
/// The front door of the template engine: parse a body, run the transforms it declares (the SAM transform is the
/// one Stratus supports), and check the result's structure. Binding parameters and ordering resources is then
/// <see cref="StackPlan.Create"/>.
/// </summary>
public static class TemplateProcessor
{
    public static ProcessedTemplate Process(string body, SamTransformOptions? samOptions = null) =>
        Process(Template.Parse(body), samOptions);

    public static ProcessedTemplate Process(Template original, SamTransformOptions? samOptions = null)
    {
        var transforms = original.Transforms;
        TemplateValidator.Validate(original, beforeTransform: transforms.Count > 0);
        var processed = original;
        foreach (var transform in transforms)
        {
            processed = transform switch
            {
                SamTransform.Name => SamTransform.Transform(processed, samOptions),
                _ => throw TemplateValidationException.Format($"Transform {transform} is not supported by Stratus"),
            };
        }
        if (transforms.Count > 0)
        {
            TemplateValidator.Validate(processed);
        }
        ReferenceValidator.Validate(processed);
        return new ProcessedTemplate(original, processed);
    }
}
