using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Stratus.Services.Sqs.Model;

/// <summary>
/// The MD5 digests SQS returns and SDKs verify: of the body, and of the message attributes encoded as SQS
/// documents it (attributes sorted by name; each as length-prefixed name, length-prefixed data type, a
/// transport byte 1=string 2=binary, and the length-prefixed value)
/// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html).
/// </summary>
internal static class MessageDigests
{
    public static string OfBody(string body)
    {
        var max = Encoding.UTF8.GetMaxByteCount(body.Length);
        if (max <= 4096)
        {
            Span<byte> buffer = stackalloc byte[max];
            var length = Encoding.UTF8.GetBytes(body, buffer);
            return Hex(MD5.HashData(buffer[..length]));
        }
        return Hex(MD5.HashData(Encoding.UTF8.GetBytes(body)));
    }

    public static string? OfAttributes(IReadOnlyDictionary<string, MessageAttribute>? attributes)
    {
        if (attributes is null || attributes.Count == 0) return null;
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        foreach (var name in attributes.Keys.Order(StringComparer.Ordinal))
        {
            var attribute = attributes[name];
            AppendString(md5, name);
            AppendString(md5, attribute.DataType);
            if (attribute.IsBinary)
            {
                md5.AppendData([2]);
                AppendBytes(md5, attribute.BinaryValue ?? []);
            }
            else
            {
                md5.AppendData([1]);
                AppendString(md5, attribute.StringValue ?? "");
            }
        }
        return Hex(md5.GetHashAndReset());
    }

    /// <summary>MD5 of the system attributes (only AWSTraceHeader exists), encoded like message attributes.</summary>
    public static string? OfTraceHeader(string? traceHeader) =>
        traceHeader is null ? null : OfAttributes(new Dictionary<string, MessageAttribute> { ["AWSTraceHeader"] = new("String", traceHeader, null) });

    private static void AppendString(IncrementalHash md5, string value) => AppendBytes(md5, Encoding.UTF8.GetBytes(value));

    private static void AppendBytes(IncrementalHash md5, byte[] value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, value.Length);
        md5.AppendData(length);
        md5.AppendData(value);
    }

    private static string Hex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);
}
