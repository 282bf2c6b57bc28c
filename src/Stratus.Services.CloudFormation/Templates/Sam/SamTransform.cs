using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates.Sam.Apis;
using Stratus.Services.CloudFormation.Templates.Sam.Functions;

namespace Stratus.Services.CloudFormation.Templates.Sam;

/// <summary>
/// The AWS::Serverless-2016-10-31 transform: expands SAM resources (Function, Api, HttpApi, SimpleTable,
/// LayerVersion) and Globals into plain CloudFormation with the logical ids, types and properties AWS's SAM
/// translator produces, so a template deploys the same way to Stratus and to AWS.
/// </summary>
public static class SamTransform
{
    public const string Name = SamErrors.TransformName;

    private static readonly string[] _apiTypes = ["AWS::Serverless::Api", "AWS::Serverless::HttpApi"];

    /// <summary>Returns the expanded template; throws <see cref="TemplateValidationException"/> with SAM's wording when
    /// the template is not a valid SAM document.</summary>
    public static Template Transform(Template template, SamTransformOptions? options = null)
    {
        var document = new SamDocument(template, options ?? new SamTransformOptions());
        Prepare(document);
        var failed = Policies.PolicyTemplates.ExpandAll(document);
        // SAM expands functions first (their events edit API definitions), then APIs, then the rest.
        var resources = document.Resources.Where(r => SamDocument.IsServerless(r.Value)).Select(r => (r.Key, (JsonObject)r.Value!)).ToList();
        var order = resources.Where(r => Type(r.Item2) == "AWS::Serverless::Function")
            .Concat(resources.Where(r => _apiTypes.Contains(Type(r.Item2))))
            .Concat(resources.Where(r => Type(r.Item2) != "AWS::Serverless::Function" && !_apiTypes.Contains(Type(r.Item2))));
        foreach (var (logicalId, resource) in order.Where(r => !failed.Contains(r.Key)))
        {
            try
            {
                ExpandOne(document, logicalId, resource);
            }
            catch (InvalidSamResourceException e)
            {
                document.Fail(e.Describe());
            }
        }
        document.ThrowIfFailed();
        var result = document.Build();
        ReferenceRewriter.Apply(result.Root, document.ChangedLogicalIds, document.PropertyReferences);
        return result;
    }

    private static void Prepare(SamDocument document)
    {
        try
        {
            ImplicitApis.Apply(document);
            SamGlobals.Apply(document);
            RestApiExpander.ApplyOpenApiVersions(document);
        }
        catch (InvalidSamResourceException e)
        {
            throw SamErrors.Document([e.Describe()]);
        }
    }

    private static string Type(JsonObject resource) => resource["Type"].AsString() ?? "";

    private static void ExpandOne(SamDocument document, string logicalId, JsonObject resource)
    {
        if (resource["Properties"] is { } properties && properties is not JsonObject)
        {
            throw new InvalidSamResourceException(logicalId, "Properties of a resource must be an object.");
        }
        switch (Type(resource))
        {
            case "AWS::Serverless::Function":
                FunctionExpander.Expand(document, logicalId, resource);
                break;
            case "AWS::Serverless::Api":
                RestApiExpander.Expand(document, logicalId, resource);
                break;
            case "AWS::Serverless::HttpApi":
                HttpApiExpander.Expand(document, logicalId, resource);
                break;
            case "AWS::Serverless::SimpleTable":
                SimpleResources.ExpandSimpleTable(document, logicalId, resource);
                break;
            case "AWS::Serverless::LayerVersion":
                SimpleResources.ExpandLayerVersion(document, logicalId, resource);
                break;
            case var other:
                throw new InvalidSamResourceException(logicalId, $"Stratus does not support the resource type '{other}' yet.");
        }
    }
}
