using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Lambda.Events;
using Xunit;

namespace Stratus.Lambda.Tests.AspNetCore;

public sealed class HttpApiAdapterTests(HttpApiSample sample) : IClassFixture<HttpApiSample>
{
    [Fact]
    public async Task RoutesWithPathParametersQueryAndHeaders()
    {
        var request = ApiGatewayEvents.HttpApi("GET", "/v1/jobs/42", "q=paris%20nord&tag=a&tag=b");
        request["headers"]!["x-custom"] = "yes";

        var response = await InvokeAsync(request);

        Assert.Equal(200, response.StatusCode);
        Assert.StartsWith("application/json", response.Headers!["Content-Type"], StringComparison.Ordinal);
        var body = ApiGatewayEvents.Parse(response.Body!);
        Assert.Equal("42", body.GetProperty("id").GetString());
        Assert.Equal("", body.GetProperty("pathBase").GetString());
        Assert.Equal("paris nord", body.GetProperty("q").GetString());
        Assert.Equal(["a", "b"], body.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal("yes", body.GetProperty("custom")[0].GetString());
        Assert.Equal("abc123.execute-api.localhost", body.GetProperty("host").GetString());
        Assert.Equal("192.0.2.1", body.GetProperty("remoteIp").GetString());
        Assert.False(response.IsBase64Encoded);
    }

    [Fact]
    public async Task NamedStageBecomesThePathBase()
    {
        var response = await InvokeAsync(ApiGatewayEvents.HttpApi("GET", "/prod/v1/jobs/7", stage: "prod"));

        Assert.Equal(200, response.StatusCode);
        var body = ApiGatewayEvents.Parse(response.Body!);
        Assert.Equal("/prod", body.GetProperty("pathBase").GetString());
        Assert.Equal("/v1/jobs/7", body.GetProperty("path").GetString());
    }

    [Fact]
    public async Task JsonBodyIsBoundAndCreatedIsReturned()
    {
        var request = ApiGatewayEvents.HttpApi("POST", "/v1/jobs");
        request["headers"]!["content-type"] = "application/json";
        request["body"] = """{"id":"j-1","city":"Lyon"}""";

        var response = await InvokeAsync(request);

        Assert.Equal(201, response.StatusCode);
        Assert.Equal("/v1/jobs/j-1", response.Headers!["Location"]);
        Assert.Equal("Lyon", ApiGatewayEvents.Parse(response.Body!).GetProperty("city").GetString());
    }

    [Fact]
    public async Task Base64RequestBodyIsDecodedAndBinaryResponseIsEncoded()
    {
        var request = ApiGatewayEvents.HttpApi("POST", "/echo");
        request["headers"]!["content-type"] = "application/octet-stream";
        request["body"] = Convert.ToBase64String(SampleApi.Png);
        request["isBase64Encoded"] = true;

        var echoed = await InvokeAsync(request);
        var image = await InvokeAsync(ApiGatewayEvents.HttpApi("GET", "/binary"));

        Assert.True(echoed.IsBase64Encoded);
        Assert.Equal(SampleApi.Png, Convert.FromBase64String(echoed.Body!));
        Assert.True(image.IsBase64Encoded);
        Assert.Equal("image/png", image.Headers!["Content-Type"]);
        Assert.Equal(SampleApi.Png, Convert.FromBase64String(image.Body!));
    }

    [Fact]
    public async Task CookiesArriveFromTheCookiesArrayAndLeaveInIt()
    {
        var request = ApiGatewayEvents.HttpApi("GET", "/cookies");
        request["cookies"] = new JsonArray("session=abc", "theme=dark");

        var response = await InvokeAsync(request);

        Assert.Equal(["seen=abc; path=/", "theme=dark; path=/; httponly"], response.Cookies);
        Assert.False(response.Headers!.ContainsKey("Set-Cookie"));
        Assert.Equal("ok", response.Body);
    }

    [Theory]
    [InlineData("/status/418", 418)]
    [InlineData("/nowhere", 404)]
    [InlineData("/throws", 500)]
    [InlineData("/multi", 204)]
    public async Task StatusCodesPassThrough(string path, int expected)
    {
        var response = await InvokeAsync(ApiGatewayEvents.HttpApi("GET", path));

        Assert.Equal(expected, response.StatusCode);
        if (path == "/multi")
        {
            Assert.Equal("one, two", response.Headers!["x-multi"]);
        }
    }

    [Fact]
    public async Task JwtClaimsBecomeTheUserAndTheInvocationIsReachable()
    {
        var request = ApiGatewayEvents.HttpApi("GET", "/whoami");
        request["requestContext"]!["authorizer"] = new JsonObject
        {
            ["jwt"] = new JsonObject
            {
                ["claims"] = new JsonObject { ["sub"] = "user-1", ["iss"] = "https://issuer" },
                ["scopes"] = new JsonArray("jobs/read"),
            },
        };

        var response = await InvokeAsync(request, "req-whoami");

        var body = ApiGatewayEvents.Parse(response.Body!);
        Assert.True(body.GetProperty("authenticated").GetBoolean());
        Assert.Equal("user-1", body.GetProperty("sub").GetString());
        Assert.Equal("req-whoami", body.GetProperty("lambdaRequestId").GetString());
        Assert.Equal("req-whoami", body.GetProperty("itemsRequestId").GetString());
        Assert.Equal("ANY /{proxy+}", body.GetProperty("routeKey").GetString());
        Assert.Equal("JKJaXmPLvHcESHA=", body.GetProperty("traceIdentifier").GetString());
    }

    [Fact]
    public async Task RequestAbortedFiresAtTheInvocationDeadline()
    {
        var deadline = DateTimeOffset.UtcNow.AddMilliseconds(300).ToUnixTimeMilliseconds();

        var response = await InvokeAsync(ApiGatewayEvents.HttpApi("GET", "/wait"), headers: new Infrastructure.InvocationHeaders { DeadlineMs = deadline });

        Assert.Equal("aborted at the deadline", response.Body);
    }

    private async Task<APIGatewayHttpApiV2ProxyResponse> InvokeAsync(JsonObject request, string? requestId = null, Infrastructure.InvocationHeaders? headers = null)
    {
        headers ??= requestId is null ? null : new Infrastructure.InvocationHeaders { RequestId = requestId };
        var outcome = await sample.Api.InvokeAsync(Encoding.UTF8.GetBytes(request.ToJsonString()), headers);
        Assert.False(outcome.IsError, outcome.Body);
        return JsonSerializer.Deserialize(outcome.Body, LambdaEventsJsonContext.Default.APIGatewayHttpApiV2ProxyResponse)!;
    }
}
