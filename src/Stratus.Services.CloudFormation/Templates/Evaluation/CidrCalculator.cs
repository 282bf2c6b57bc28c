using System.Net;
using System.Numerics;

namespace Stratus.Services.CloudFormation.Templates.Evaluation;

/// <summary>
/// Fn::Cidr: <c>count</c> consecutive subnets of <c>cidrBits</c> host bits each, carved from the start of
/// <c>ipBlock</c> (IPv4 or IPv6). See "Fn::Cidr" in the CloudFormation User Guide.
/// </summary>
internal static class CidrCalculator
{
    public static IReadOnlyList<string> Subnets(string ipBlock, int count, int cidrBits)
    {
        var slash = ipBlock.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(ipBlock[..slash], out var address)
            || !int.TryParse(ipBlock[(slash + 1)..], out var prefix))
        {
            throw TemplateValidationException.Evaluation($"Fn::Cidr ipBlock {ipBlock} is not a valid CIDR block");
        }
        var width = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        var subnetPrefix = width - cidrBits;
        if (prefix < 0 || prefix > width || cidrBits < 1 || subnetPrefix < prefix || count < 1 || count > 256)
        {
            throw TemplateValidationException.Evaluation("Fn::Cidr count must be 1 to 256 and cidrBits must fit in the ipBlock");
        }
        var available = BigInteger.One << (subnetPrefix - prefix);
        if (count > available)
        {
            throw TemplateValidationException.Evaluation($"Fn::Cidr cannot make {count} subnets of /{subnetPrefix} in {ipBlock}");
        }
        var bytes = address.GetAddressBytes();
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var hostMask = (BigInteger.One << (width - prefix)) - 1;
        var network = value & ~hostMask & ((BigInteger.One << width) - 1);
        var step = BigInteger.One << cidrBits;
        var result = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var subnet = network + (step * i);
            result.Add($"{ToAddress(subnet, bytes.Length)}/{subnetPrefix}");
        }
        return result;
    }

    private static string ToAddress(BigInteger value, int length)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var bytes = new byte[length];
        Array.Copy(raw, 0, bytes, length - raw.Length, raw.Length);
        return new IPAddress(bytes).ToString();
    }
}
