using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Stratus.Services.CloudFormation.Templates.Evaluation;

public sealed partial class IntrinsicEvaluator
{
    private JsonNode Join(JsonNode? argument)
    {
        if (argument is not JsonArray { Count: 2 } pair || !pair[0].TryGetString(out var delimiter)
            || Evaluate(pair[1]) is not JsonArray items)
        {
            throw TemplateValidationException.Evaluation(
                "every Fn::Join object requires two parameters, (1) a string delimiter and (2) a list of strings to be "
                + "joined or a function that returns a list of strings (such as Fn::GetAZs) to be joined.");
        }
        var parts = new List<string>(items.Count);
        foreach (var item in items)
        {
            parts.Add(item.TryGetScalarText(out var text)
                ? text
                : throw TemplateValidationException.Evaluation("every Fn::Join object requires a list of strings to be joined"));
        }
        return JsonValue.Create(string.Join(delimiter, parts));
    }

    private JsonNode? Select(JsonNode? argument)
    {
        if (argument is not JsonArray { Count: 2 } pair
            || !Evaluate(pair[0]).TryGetScalarText(out var indexText)
            || !int.TryParse(indexText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
            || Evaluate(pair[1]) is not JsonArray list)
        {
            throw TemplateValidationException.Evaluation(
                "Fn::Select requires a list argument with two elements: an integer index and a list of objects, "
                + "or a function that returns a list of objects");
        }
        if (index < 0 || index >= list.Count)
        {
            throw TemplateValidationException.Evaluation($"Fn::Select cannot select nonexistent value at index {index}");
        }
        return list[index]?.DeepClone();
    }

    private JsonNode Split(JsonNode? argument)
    {
        if (argument is not JsonArray { Count: 2 } pair || !pair[0].TryGetString(out var delimiter) || delimiter.Length == 0
            || !Evaluate(pair[1]).TryGetScalarText(out var source))
        {
            throw TemplateValidationException.Evaluation(
                "Fn::Split requires a list argument with two elements: a delimiter and a source string");
        }
        return source.Split(delimiter).ToJsonArray();
    }

    private JsonNode? FindInMap(JsonNode? argument)
    {
        if (argument is not JsonArray { Count: 3 } keys)
        {
            throw TemplateValidationException.Evaluation(
                "Fn::FindInMap requires a list argument with three elements: a map name, a top level key and a second level key");
        }
        var names = keys.Select(k => Evaluate(k).TryGetScalarText(out var s)
            ? s
            : throw TemplateValidationException.Evaluation("every Fn::FindInMap argument must resolve to a string")).ToArray();
        if (_context.Mappings[names[0]] is JsonObject map && map[names[1]] is JsonObject level
            && level.TryGetPropertyValue(names[2], out var value))
        {
            return value?.DeepClone();
        }
        throw TemplateValidationException.Evaluation($"Unable to get mapping for {names[0]}::{names[1]}::{names[2]}");
    }

    private JsonNode GetAzs(JsonNode? argument)
    {
        var region = Evaluate(argument).AsString()
            ?? throw TemplateValidationException.Evaluation("Fn::GetAZs requires a region name or an empty string");
        return StackContext.AvailabilityZones(region.Length == 0 ? _context.Stack.Region : region);
    }

    private JsonNode Base64(JsonNode? argument)
    {
        var text = Evaluate(argument).TryGetScalarText(out var s)
            ? s
            : throw TemplateValidationException.Evaluation("Fn::Base64 requires a string argument");
        return JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }

    private JsonNode ImportValue(JsonNode? argument)
    {
        if (_block is TemplateBlock.Conditions or TemplateBlock.Rules)
        {
            throw TemplateValidationException.Format($"Fn::ImportValue is not allowed in the {_block} block of the template");
        }
        var name = Evaluate(argument).AsString()
            ?? throw TemplateValidationException.Evaluation("Fn::ImportValue requires a string argument");
        if (_context.Exports is { } exports && exports.TryGetExport(name, out var value))
        {
            return JsonValue.Create(value);
        }
        if (_mode == ReferenceMode.Symbolic)
        {
            throw new PendingReferenceException(name);
        }
        throw new TemplateValidationException($"No export named {name} found.");
    }

    private JsonNode Cidr(JsonNode? argument)
    {
        if (argument is not JsonArray { Count: 3 } args
            || !Evaluate(args[0]).TryGetScalarText(out var block)
            || !Evaluate(args[1]).TryGetScalarText(out var countText) || !int.TryParse(countText, CultureInfo.InvariantCulture, out var count)
            || !Evaluate(args[2]).TryGetScalarText(out var bitsText) || !int.TryParse(bitsText, CultureInfo.InvariantCulture, out var bits))
        {
            throw TemplateValidationException.Evaluation(
                "Fn::Cidr requires a list argument with three elements: an ipBlock, a count and a cidrBits");
        }
        return CidrCalculator.Subnets(block, count, bits).ToJsonArray();
    }

    private JsonNode Length(JsonNode? argument) => Evaluate(argument) is JsonArray list
        ? JsonValue.Create(list.Count)
        : throw TemplateValidationException.Evaluation("Fn::Length requires a list argument");

    private JsonNode ToJsonString(JsonNode? argument) => Evaluate(argument) is { } value and (JsonObject or JsonArray)
        ? JsonValue.Create(value.ToJsonString())
        : throw TemplateValidationException.Evaluation("Fn::ToJsonString requires an object or a list argument");

    // ---- condition functions ----

    private bool EqualsFunction(JsonNode? argument)
    {
        if (argument is not JsonArray { Count: 2 } pair)
        {
            throw TemplateValidationException.Format("Fn::Equals requires a list argument with two elements");
        }
        var left = Evaluate(pair[0]);
        var right = Evaluate(pair[1]);
        // Parameters are strings; `!Equals [!Ref Count, 1]` compares "1" with 1 as CloudFormation does: as text.
        if (left.TryGetScalarText(out var l) && right.TryGetScalarText(out var r))
        {
            return string.Equals(l, r, StringComparison.Ordinal);
        }
        return JsonNode.DeepEquals(left, right);
    }

    private bool AndOr(string function, JsonNode? argument)
    {
        if (argument is not JsonArray { Count: >= 2 and <= 10 } operands)
        {
            throw TemplateValidationException.Format($"{function} requires a list argument of 2 to 10 conditions");
        }
        var values = operands.Select(Truth);
        return function == "Fn::And" ? values.All(v => v) : values.Any(v => v);
    }

    private bool Not(JsonNode? argument) => argument is JsonArray { Count: 1 } one
        ? !Truth(one[0])
        : throw TemplateValidationException.Format("Fn::Not requires a list argument with one condition");

    private bool ConditionReference(JsonNode? argument) => argument.TryGetString(out var name)
        ? _context.Conditions.TryGetValue(name, out var value)
            ? value
            : throw TemplateValidationException.Format($"Unresolved condition dependencies [{name}] in the {_block} block of the template")
        : throw TemplateValidationException.Format("Condition must be a string naming a condition");

    /// <summary>An operand of Fn::And/Or/Not: a condition function, or a literal true/false.</summary>
    internal bool Truth(JsonNode? operand)
    {
        var value = Evaluate(operand);
        if (value.TryGetScalarText(out var text) && bool.TryParse(text, out var truth))
        {
            return truth;
        }
        throw TemplateValidationException.Format("Conditions can only be boolean operations on parameters and other conditions");
    }
}
