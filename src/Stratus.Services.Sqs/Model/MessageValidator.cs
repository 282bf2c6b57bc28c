using System.Globalization;
using System.Text;
using Stratus.Contracts.Sqs;

namespace Stratus.Services.Sqs.Model;

/// <summary>A message as validated for sending, before it is given an id and a place in a queue.</summary>
internal sealed record SendDraft(
    string Body,
    string Md5OfBody,
    IReadOnlyDictionary<string, MessageAttribute>? Attributes,
    string? Md5OfAttributes,
    string? TraceHeader,
    string? Md5OfSystemAttributes,
    int? DelaySeconds,
    string? GroupId,
    string? DeduplicationId,
    long Size);

/// <summary>
/// SQS's rules for message contents, attributes and FIFO parameters
/// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html).
/// </summary>
internal static class MessageValidator
{
    private const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public static SendDraft Validate(QueueAttributes queue, string? body, int? delaySeconds,
        Dictionary<string, MessageAttributeValue>? attributes, Dictionary<string, MessageSystemAttributeValue>? systemAttributes,
        string? groupId, string? deduplicationId)
    {
        if (string.IsNullOrEmpty(body)) throw SqsErrors.MissingParameter("MessageBody");
        if (!HasOnlyValidCharacters(body)) throw SqsErrors.InvalidMessageContents();
        var parsed = ParseAttributes(attributes);
        var trace = TraceHeader(systemAttributes);
        var size = Encoding.UTF8.GetByteCount(body) + (parsed?.Sum(a => (long)a.Value.Size(a.Key)) ?? 0);
        if (size > queue.MaximumMessageSize)
        {
            throw SqsErrors.InvalidParameterValue($"One or more parameters are invalid. Reason: Message must be shorter than {queue.MaximumMessageSize} bytes.");
        }
        if (delaySeconds is < 0 or > 900)
        {
            throw SqsErrors.InvalidParameter("DelaySeconds", delaySeconds.Value.ToString(CultureInfo.InvariantCulture), "must be >= 0 and <= 900");
        }
        ValidateFifoParameters(queue, ref deduplicationId, body, groupId, delaySeconds);
        return new SendDraft(body, MessageDigests.OfBody(body), parsed, MessageDigests.OfAttributes(parsed),
            trace, MessageDigests.OfTraceHeader(trace), delaySeconds, groupId, deduplicationId, size);
    }

    private static void ValidateFifoParameters(QueueAttributes queue, ref string? deduplicationId, string body, string? groupId, int? delaySeconds)
    {
        if (groupId is not null) ValidateTag("MessageGroupId", groupId);
        if (deduplicationId is not null) ValidateTag("MessageDeduplicationId", deduplicationId);
        if (!queue.IsFifo)
        {
            // Standard queues accept MessageGroupId (fair queues) but not deduplication ids.
            if (deduplicationId is not null)
            {
                throw SqsErrors.InvalidParameter("MessageDeduplicationId", deduplicationId, "The request include parameter that is not valid for this queue type");
            }
            return;
        }
        if (groupId is null) throw SqsErrors.MissingParameter("MessageGroupId");
        if (delaySeconds is > 0)
        {
            throw SqsErrors.InvalidParameter("DelaySeconds", delaySeconds.Value.ToString(CultureInfo.InvariantCulture), "The request include parameter that is not valid for this queue type");
        }
        if (deduplicationId is null)
        {
            if (!queue.ContentBasedDeduplication)
            {
                throw SqsErrors.InvalidParameterValue("The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
            }
            deduplicationId = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        }
    }

    private static void ValidateTag(string parameter, string value)
    {
        if (value.Length is < 1 or > 128 || !value.All(c => char.IsAsciiLetterOrDigit(c) || Punctuation.Contains(c)))
        {
            throw SqsErrors.InvalidParameter(parameter, value, $"{parameter} can only include alphanumeric and punctuation characters. 1 to 128 in length.");
        }
    }

    /// <summary>#x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF.</summary>
    public static bool HasOnlyValidCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 0x20 && c < 0xD800) continue;
            if (c is '\t' or '\n' or '\r') continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (c >= 0xE000 && c <= 0xFFFD) continue;
            return false;
        }
        return true;
    }

    public static Dictionary<string, MessageAttribute>? ParseAttributes(Dictionary<string, MessageAttributeValue>? given)
    {
        if (given is null || given.Count == 0) return null;
        if (given.Count > 10) throw SqsErrors.InvalidParameterValue($"Number of message attributes [{given.Count}] exceeds the allowed maximum [10].");
        var result = new Dictionary<string, MessageAttribute>(StringComparer.Ordinal);
        foreach (var (name, value) in given)
        {
            ValidateAttributeName(name);
            result[name] = ParseAttribute(name, value);
        }
        return result;
    }

    private static MessageAttribute ParseAttribute(string name, MessageAttributeValue value)
    {
        var type = value.DataType;
        if (string.IsNullOrEmpty(type)) throw SqsErrors.InvalidParameterValue($"The message attribute '{name}' must contain non-empty message attribute type.");
        var baseType = type.Split('.', 2)[0];
        switch (baseType)
        {
            case "String":
            case "Number":
                if (string.IsNullOrEmpty(value.StringValue))
                {
                    throw SqsErrors.InvalidParameterValue($"The message attribute '{name}' must contain non-empty message attribute value for message attribute type '{baseType}'.");
                }
                if (baseType == "Number" && !decimal.TryParse(value.StringValue, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    throw SqsErrors.InvalidParameterValue($"Can't cast the value of message (user) attribute '{name}' to a number.");
                }
                if (!HasOnlyValidCharacters(value.StringValue)) throw SqsErrors.InvalidMessageContents();
                return new MessageAttribute(type, value.StringValue, null);
            case "Binary":
                if (value.BinaryValue is not { Length: > 0 })
                {
                    throw SqsErrors.InvalidParameterValue($"The message attribute '{name}' must contain non-empty message attribute value for message attribute type 'Binary'.");
                }
                return new MessageAttribute(type, null, value.BinaryValue);
            default:
                throw SqsErrors.InvalidParameterValue($"The type of message (user) attribute '{name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.");
        }
    }

    private static void ValidateAttributeName(string name)
    {
        var valid = name.Length is >= 1 and <= 256
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            && !name.StartsWith('.') && !name.EndsWith('.') && !name.Contains("..", StringComparison.Ordinal)
            && !name.StartsWith("AWS.", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("Amazon.", StringComparison.OrdinalIgnoreCase);
        if (!valid) throw SqsErrors.InvalidParameterValue($"Message (user) attribute name '{name}' is invalid.");
    }

    private static string? TraceHeader(Dictionary<string, MessageSystemAttributeValue>? given)
    {
        if (given is null || given.Count == 0) return null;
        foreach (var name in given.Keys)
        {
            if (name != "AWSTraceHeader") throw SqsErrors.InvalidParameterValue($"Message system attribute name '{name}' is invalid.");
        }
        var value = given["AWSTraceHeader"];
        if (value.DataType != "String" || string.IsNullOrEmpty(value.StringValue))
        {
            throw SqsErrors.InvalidParameterValue("Message system attribute 'AWSTraceHeader' must be of type String with a non-empty value.");
        }
        return value.StringValue;
    }
}
