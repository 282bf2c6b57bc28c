using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Stratus.Services.CloudFormation.Templates.Parsing;

/// <summary>
/// Reads a YAML template into the JSON tree every other part of the engine works on, turning the short-form tags
/// into their long forms. Works on the parser's event stream (no object graph in between) to stay fast.
/// </summary>
internal static class YamlTemplateReader
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>Templates come from users: bound the nesting like the JSON reader does (MaxDepth 256).</summary>
    private const int MaxDepth = 256;

    public static JsonNode? Read(string body)
    {
        var parser = new Parser(new StringReader(body));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }
            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, 0);
            parser.Consume<DocumentEnd>();
            if (!parser.TryConsume<StreamEnd>(out _))
            {
                throw NotWellFormed(parser.Current?.Start ?? Mark.Empty, "a template holds exactly one YAML document");
            }
            return root;
        }
        catch (YamlException e) when (e is not TemplateYamlException)
        {
            throw TemplateValidationException.Format($"YAML not well-formed. (line {e.Start.Line}, column {e.Start.Column})");
        }
        catch (TemplateYamlException e)
        {
            throw TemplateValidationException.Format(e.Message);
        }
    }

    private static JsonNode? ReadNode(IParser parser, int depth)
    {
        var current = parser.Current ?? throw NotWellFormed(Mark.Empty, "unexpected end of document");
        if (depth > MaxDepth)
        {
            throw NotWellFormed(current.Start, $"nesting deeper than {MaxDepth} levels");
        }
        switch (current)
        {
            case AnchorAlias alias:
                throw NotWellFormed(alias.Start, "YAML aliases are not supported in CloudFormation templates");
            case Scalar scalar:
                parser.MoveNext();
                return ApplyTag(scalar.Tag, scalar.Start, ScalarValue(scalar));
            case SequenceStart sequence:
                parser.MoveNext();
                return ApplyTag(sequence.Tag, sequence.Start, ReadSequence(parser, depth + 1));
            case MappingStart mapping:
                parser.MoveNext();
                return ApplyTag(mapping.Tag, mapping.Start, ReadMapping(parser, depth + 1));
            default:
                throw NotWellFormed(current.Start, $"unexpected {current.GetType().Name}");
        }
    }

    private static JsonArray ReadSequence(IParser parser, int depth)
    {
        var array = new JsonArray();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            array.Add(ReadNode(parser, depth));
        }
        return array;
    }

    private static JsonObject ReadMapping(IParser parser, int depth)
    {
        var map = new JsonObject();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current;
            if (keyEvent is not Scalar key)
            {
                throw NotWellFormed(keyEvent?.Start ?? Mark.Empty, "mapping keys must be scalars");
            }
            parser.MoveNext();
            if (map.ContainsKey(key.Value))
            {
                throw NotWellFormed(key.Start, $"duplicate key '{key.Value}'");
            }
            map[key.Value] = ReadNode(parser, depth);
        }
        return map;
    }

    private static JsonNode? ScalarValue(Scalar scalar)
    {
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value == StringTag))
        {
            return JsonValue.Create(scalar.Value);
        }
        // A plain scalar carrying a CloudFormation tag (e.g. `!Ref 123`) is the tag's argument text, never a number.
        return scalar.Tag.IsEmpty || scalar.Tag.Value.StartsWith("tag:yaml.org", StringComparison.Ordinal)
            ? YamlScalars.Plain(scalar.Value)
            : JsonValue.Create(scalar.Value);
    }

    private static JsonNode? ApplyTag(TagName tag, Mark start, JsonNode? value)
    {
        if (tag.IsEmpty || tag.IsNonSpecific || tag.Value.StartsWith("tag:yaml.org", StringComparison.Ordinal))
        {
            return value;
        }
        if (!ShortFormTags.TryGetFunction(tag.Value, out var function))
        {
            throw NotWellFormed(start, $"unknown tag {tag.Value}");
        }
        return ShortFormTags.ToLongForm(function, value);
    }

    private static TemplateYamlException NotWellFormed(Mark at, string why) =>
        new($"YAML not well-formed: {why}. (line {at.Line}, column {at.Column})");

    /// <summary>Our own rejections, kept apart from YamlDotNet's syntax errors so each gets the right wording.</summary>
    private sealed class TemplateYamlException(string message) : YamlException(message);
}
