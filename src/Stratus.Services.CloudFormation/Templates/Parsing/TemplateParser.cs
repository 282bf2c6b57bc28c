using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Parsing;

/// <summary>
/// Turns a template body (JSON or YAML) into a <see cref="Template"/>. Like CloudFormation, a body whose first
/// non-blank character is '{' is read as JSON; anything else as YAML.
/// </summary>
public static class TemplateParser
{
    /// <summary>CloudFormation's limit for a TemplateBody passed inline is 51,200 bytes; from S3 it is 1 MB. We accept
    /// the larger bound because local templates and SAM expansions legitimately exceed the inline one.</summary>
    public const int MaxBodyLength = 1_048_576;

    public static Template Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length > MaxBodyLength)
        {
            throw new TemplateValidationException($"Template may not exceed {MaxBodyLength} bytes in size.");
        }
        var root = LooksLikeJson(body) ? JsonTemplateReader.Read(body) : YamlTemplateReader.Read(body);
        if (root is not JsonObject map)
        {
            throw TemplateValidationException.Format("unsupported structure.");
        }
        return new Template(map);
    }

    private static bool LooksLikeJson(string body)
    {
        foreach (var c in body)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                return c == '{';
            }
        }
        return false;
    }
}
