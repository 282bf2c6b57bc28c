using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Parsing;

/// <summary>Reads a JSON template, reporting syntax errors with CloudFormation's wording and a 1-based position.</summary>
internal static class JsonTemplateReader
{
    private static readonly JsonDocumentOptions _options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 256,
        AllowDuplicateProperties = false,
    };

    public static JsonNode? Read(string body)
    {
        try
        {
            return JsonNode.Parse(body, documentOptions: _options);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            throw TemplateValidationException.Format($"JSON not well-formed. (line {line}, column {column})");
        }
    }
}
