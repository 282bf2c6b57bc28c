using System.Buffers.Text;
using System.Text;

namespace Stratus.Services.Sqs;

/// <summary>Opaque pagination tokens: the last key returned, base64url-encoded.</summary>
internal static class PageToken
{
    public static string Encode(string lastKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastKey));

    public static string? Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
