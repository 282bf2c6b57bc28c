using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Stratus.Lambda.AspNetCore;
using Stratus.Lambda.Events;
using Xunit;

namespace Stratus.Lambda.Tests.AspNetCore;

public sealed class RestApiAdapterTests(RestApiSample sample) : IClassFixture<RestApiSample>
{
    [Fact]
    public async Task StageFromRequestContextPathBecomesThePathBaseAndMultiValuesArrive()
    {
        var request = ApiGatewayEvents.RestApi("GET", "/v1/jobs/42");
        request["multiValueQueryStringParameters"] = new JsonObject { ["q"] = new JsonArray("lyon centre"), ["tag"] = new JsonArray("a", "b") };
        request["queryStringParameters"] = new JsonObject { ["q"] = "lyon centre", ["tag"] = "b" };
        request["multiValueHeaders"]!["X-Custom"] = new JsonArray("one", "two");

        var response = await InvokeAsync(request);

        Assert.Equal(200, response.StatusCode);
        var body = ApiGatewayEvents.Parse(response.Body!);
        Assert.Equal("/prod", body.GetProperty("pathBase").GetString());
        Assert.Equal("/v1/jobs/42", body.GetProperty("path").GetString());
        Assert.Equal("lyon centre", body.GetProperty("q").GetString());
        Assert.Equal(["a", "b"], body.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal(["one", "two"], body.GetProperty("custom").EnumerateArray().Select(value => value.GetString()));
        Assert.Equal("198.51.100.7", body.GetProperty("remoteIp").GetString());
    }

    [Fact]
    public async Task SetCookieValuesLeaveAsMultiValueHeaders()
    {
        var request = ApiGatewayEvents.RestApi("GET", "/cookies");
        request["multiValueHeaders"]!["Cookie"] = new JsonArray("session=xyz; theme=light");

        var response = await InvokeAsync(request);

        Assert.Equal(["seen=xyz; path=/", "theme=light; path=/; httponly"], response.MultiValueHeaders!["Set-Cookie"]);
        Assert.False(response.Headers!.ContainsKey("Set-Cookie"));
        Assert.Equal(["text/plain; charset=utf-8"], response.MultiValueHeaders["Content-Type"]);
    }

    [Fact]
    public async Task BinaryBodiesRoundTripAsBase64()
    {
        var request = ApiGatewayEvents.RestApi("POST", "/echo");
        request["multiValueHeaders"]!["Content-Type"] = new JsonArray("application/pdf");
        request["body"] = Convert.ToBase64String(SampleApi.Png);
        request["isBase64Encoded"] = true;

        var response = await InvokeAsync(request);

        Assert.True(response.IsBase64Encoded);
        Assert.Equal(SampleApi.Png, Convert.FromBase64String(response.Body!));
    }

    [Fact]
    public async Task TextBodyStaysText()
    {
        var request = ApiGatewayEvents.RestApi("POST", "/v1/jobs");
        request["multiValueHeaders"]!["Content-Type"] = new JsonArray("application/json");
        request["body"] = """{"id":"j-2","city":"Nantes"}""";

        var response = await InvokeAsync(request);

        Assert.Equal(201, response.StatusCode);
        Assert.False(response.IsBase64Encoded);
        Assert.Equal("/v1/jobs/j-2", response.Headers!["Location"]);
        Assert.Equal("Nantes", ApiGatewayEvents.Parse(response.Body!).GetProperty("city").GetString());
    }

    [Theory]
    [InlineData("/status/503", 503)]
    [InlineData("/nowhere", 404)]
    [InlineData("/throws", 500)]
    public async Task StatusCodesPassThrough(string path, int expected)
    {
        var response = await InvokeAsync(ApiGatewayEvents.RestApi("GET", path));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task CognitoAuthorizerClaimsBecomeTheUser()
    {
        var request = ApiGatewayEvents.RestApi("GET", "/whoami");
        request["resource"] = "/whoami";
        request["requestContext"]!["authorizer"] = new JsonObject
        {
            ["claims"] = new JsonObject { ["sub"] = "cognito-user", ["email"] = "a@example.com" },
        };

        var body = ApiGatewayEvents.Parse((await InvokeAsync(request)).Body!);

        Assert.True(body.GetProperty("authenticated").GetBoolean());
        Assert.Equal("cognito-user", body.GetProperty("sub").GetString());
        Assert.Equal("/whoami", body.GetProperty("resource").GetString());
    }

    [Fact]
    public async Task LambdaAuthorizerPrincipalBecomesTheNameIdentifier()
    {
        var request = ApiGatewayEvents.RestApi("GET", "/whoami");
        request["requestContext"]!["authorizer"] = new JsonObject { ["principalId"] = "user|a1", ["integrationLatency"] = 3, ["tier"] = "gold" };

        var body = ApiGatewayEvents.Parse((await InvokeAsync(request)).Body!);

        Assert.Equal("user|a1", body.GetProperty("principal").GetString());
    }

    [Fact]
    public void WithoutARuntimeApiKestrelStaysTheServer()
    {
        Assert.Null(Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddLambdaHosting(LambdaEventSource.RestApi);
        using var app = builder.Build();

        Assert.IsNotType<LambdaServer>(app.Services.GetRequiredService<IServer>());
    }

    private async Task<APIGatewayProxyResponse> InvokeAsync(JsonObject request)
    {
        var outcome = await sample.Api.InvokeAsync(Encoding.UTF8.GetBytes(request.ToJsonString()));
        Assert.False(outcome.IsError, outcome.Body);
        return JsonSerializer.Deserialize(outcome.Body, LambdaEventsJsonContext.Default.APIGatewayProxyResponse)!;
    }
}
