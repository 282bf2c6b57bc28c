using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Sam.Functions;

/// <summary>
/// What event sources connect to: the Lambda function, or its alias when AutoPublishAlias is set (SAM wires every
/// event source to the alias so a deployment moves traffic atomically).
/// </summary>
internal sealed record FunctionTarget
{
    public required string FunctionId { get; init; }
    public string? AliasId { get; init; }

    /// <summary>Condition, DeletionPolicy and UpdateReplacePolicy of the function, copied onto generated resources.</summary>
    public required JsonObject Attributes { get; init; }

    public string? Condition => Attributes["Condition"].AsString();

    /// <summary>Lambda's FunctionName as SAM writes it: Ref of the function (its name) or of the alias (its ARN).</summary>
    public JsonObject NameOrArn => Cfn.Ref(AliasId ?? FunctionId);

    /// <summary>The ARN: GetAtt Function.Arn, or Ref of the alias.</summary>
    public JsonObject Arn => AliasId is null ? Cfn.GetAtt(FunctionId, "Arn") : Cfn.Ref(AliasId);

    /// <summary>The ARN inside a Fn::Sub string.</summary>
    public string ArnShorthand => AliasId is null ? $"${{{FunctionId}.Arn}}" : $"${{{AliasId}}}";

    /// <summary>The lambda:path integration URI API Gateway invokes the target through.</summary>
    public JsonObject IntegrationUri(string partition) =>
        Cfn.Sub($"arn:{partition}:apigateway:${{AWS::Region}}:lambda:path/2015-03-31/functions/{ArnShorthand}/invocations");

    public JsonObject CopyAttributes() => (JsonObject)Attributes.DeepClone();
}
