using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Stratus.Services.Sqs.Model;

/// <summary>
/// A receipt handle names one delivery of one message: the message's sequence in its queue and the delivery's
/// token, so a handle from an earlier receive no longer changes visibility.
/// </summary>
internal readonly record struct ReceiptHandle(long Seq, long Token)
{
    public string Encode()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"stratus:{Seq}:{Token}");
        return Base64Url.EncodeToString(Encoding.ASCII.GetBytes(text));
    }

    public static ReceiptHandle? TryDecode(string? handle)
    {
        if (string.IsNullOrEmpty(handle) || handle.Length > 200) return null;
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(handle));
            var parts = text.Split(':');
            if (parts.Length != 3 || parts[0] != "stratus") return null;
            return long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) &&
                   long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var token)
                ? new ReceiptHandle(seq, token)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
