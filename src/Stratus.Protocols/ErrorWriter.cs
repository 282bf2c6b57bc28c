using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Stratus.Protocols.Model;

namespace Stratus.Protocols;

/// <summary>Writes an <see cref="AwsServiceException"/> in the error shape of each protocol.</summary>
public static class ErrorWriter
{
    public static async Task WriteAsync(HttpContext http, WireProtocol protocol, AwsServiceException error, string requestId,
        ServiceModel? model = null, ProtocolOptions? options = null)
    {
        var response = http.Response;
        var shape = model?.ErrorShape(error.Code);
        var queryCode = error.QueryCode ?? shape?.ErrorCode ?? error.Code;
        response.StatusCode = error.StatusCode;
        if (error.Headers is not null)
        {
            foreach (var (k, v) in error.Headers) response.Headers[k] = v;
        }
        byte[] body = protocol switch
        {
            WireProtocol.Json => JsonBody(error, options?.JsonErrorTypePrefix ?? "", includeType: true),
            WireProtocol.RestJson => JsonBody(error, "", includeType: false),
            WireProtocol.Query => QueryBody(error, queryCode, requestId),
            _ => RestXmlBody(error, requestId),
        };
        switch (protocol)
        {
            case WireProtocol.Json:
                response.ContentType = "application/x-amz-json-" + (model?.JsonVersion ?? "1.0");
                response.Headers["x-amzn-RequestId"] = requestId;
                if (model?.AwsQueryCompatible == true)
                {
                    response.Headers["x-amzn-query-error"] = $"{queryCode};{(error.SenderFault ? "Sender" : "Receiver")}";
                }
                break;
            case WireProtocol.RestJson:
                response.ContentType = "application/json";
                response.Headers["x-amzn-RequestId"] = requestId;
                response.Headers["x-amzn-ErrorType"] = error.Code;
                break;
            case WireProtocol.Query:
                response.ContentType = "text/xml";
                response.Headers["x-amzn-RequestId"] = requestId;
                break;
            default:
                response.ContentType = "application/xml";
                response.Headers["x-amz-request-id"] = requestId;
                break;
        }
        if (HttpMethods.IsHead(http.Request.Method)) return;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body).ConfigureAwait(false);
    }

    private static byte[] JsonBody(AwsServiceException error, string typePrefix, bool includeType)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (includeType) writer.WriteString("__type", typePrefix + error.Code);
            writer.WriteString("message", error.Message);
            if (error.Details is not null)
            {
                foreach (var (key, value) in error.Details)
                {
                    if (key is "message" or "__type") continue;
                    writer.WritePropertyName(key);
                    if (value is null) writer.WriteNullValue();
                    else value.WriteTo(writer);
                }
            }
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static byte[] QueryBody(AwsServiceException error, string code, string requestId)
    {
        var sb = new StringBuilder(256);
        sb.Append("<?xml version=\"1.0\"?><ErrorResponse><Error><Type>")
          .Append(error.SenderFault ? "Sender" : "Receiver")
          .Append("</Type><Code>").Append(Escape(code))
          .Append("</Code><Message>").Append(Escape(error.Message))
          .Append("</Message><Detail/></Error><RequestId>").Append(requestId)
          .Append("</RequestId></ErrorResponse>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] RestXmlBody(AwsServiceException error, string requestId)
    {
        var sb = new StringBuilder(256);
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>").Append(Escape(error.Code))
          .Append("</Code><Message>").Append(Escape(error.Message)).Append("</Message>");
        if (error.Details is not null)
        {
            foreach (var (key, value) in error.Details)
            {
                sb.Append('<').Append(key).Append('>').Append(Escape(value?.ToString() ?? "")).Append("</").Append(key).Append('>');
            }
        }
        sb.Append("<RequestId>").Append(requestId).Append("</RequestId></Error>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("<>&\"'") < 0 && !HasControl(text)) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                case '\r': sb.Append("&#xD;"); break;
                case '\n': sb.Append("&#xA;"); break;
                case '\t': sb.Append("&#x9;"); break;
                default:
                    if (char.IsSurrogate(c) || XmlConvert.IsXmlChar(c)) sb.Append(c);
                    else sb.Append("&#x").Append(((int)c).ToString("X", System.Globalization.CultureInfo.InvariantCulture)).Append(';');
                    break;
            }
        }
        return sb.ToString();
    }

    private static bool HasControl(string text)
    {
        foreach (var c in text)
        {
            if (c < 0x20) return true;
        }
        return false;
    }
}
