using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stratus.Lambda.Tests.AspNetCore;

/// <summary>Builds API Gateway events shaped as AWS documents them, for the adapter tests.</summary>
public static class ApiGatewayEvents
{
    public static JsonObject HttpApi(string method, string rawPath, string rawQuery = "", string stage = "$default") => new()
    {
        ["version"] = "2.0",
        ["routeKey"] = "ANY /{proxy+}",
        ["rawPath"] = rawPath,
        ["rawQueryString"] = rawQuery,
        ["headers"] = new JsonObject
        {
            ["accept"] = "*/*",
            ["host"] = "abc123.execute-api.localhost",
            ["user-agent"] = "curl/8.5.0",
            ["x-forwarded-proto"] = "http",
        },
        ["requestContext"] = new JsonObject
        {
            ["accountId"] = "000000000000",
            ["apiId"] = "abc123",
            ["domainName"] = "abc123.execute-api.localhost",
            ["domainPrefix"] = "abc123",
            ["http"] = new JsonObject
            {
                ["method"] = method,
                ["path"] = rawPath,
                ["protocol"] = "HTTP/1.1",
                ["sourceIp"] = "192.0.2.1",
                ["userAgent"] = "curl/8.5.0",
            },
            ["requestId"] = "JKJaXmPLvHcESHA=",
            ["routeKey"] = "ANY /{proxy+}",
            ["stage"] = stage,
            ["time"] = "12/Mar/2020:19:03:58 +0000",
            ["timeEpoch"] = 1583348638390,
        },
        ["isBase64Encoded"] = false,
    };

    public static JsonObject RestApi(string method, string path, string stage = "prod") => new()
    {
        ["resource"] = "/{proxy+}",
        ["path"] = path,
        ["httpMethod"] = method,
        ["headers"] = new JsonObject { ["Host"] = "abc123.execute-api.localhost", ["User-Agent"] = "curl/8.5.0" },
        ["multiValueHeaders"] = new JsonObject
        {
            ["Host"] = new JsonArray("abc123.execute-api.localhost"),
            ["User-Agent"] = new JsonArray("curl/8.5.0"),
        },
        ["queryStringParameters"] = null,
        ["multiValueQueryStringParameters"] = null,
        ["pathParameters"] = new JsonObject { ["proxy"] = path.TrimStart('/') },
        ["stageVariables"] = null,
        ["requestContext"] = new JsonObject
        {
            ["accountId"] = "000000000000",
            ["apiId"] = "abc123",
            ["domainName"] = "abc123.execute-api.localhost",
            ["extendedRequestId"] = "ext-1",
            ["httpMethod"] = method,
            ["identity"] = new JsonObject { ["sourceIp"] = "198.51.100.7", ["userAgent"] = "curl/8.5.0" },
            ["path"] = "/" + stage + path,
            ["protocol"] = "HTTP/1.1",
            ["requestId"] = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
            ["requestTime"] = "04/Mar/2020:19:15:17 +0000",
            ["requestTimeEpoch"] = 1583349317135,
            ["resourceId"] = "r1",
            ["resourcePath"] = "/{proxy+}",
            ["stage"] = stage,
        },
        ["body"] = null,
        ["isBase64Encoded"] = false,
    };

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
