using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Stratus.Tests.Support;
using Xunit;

namespace Stratus.Tests.Server;

public sealed class EdgeTests(CloudFixture fixture) : IClassFixture<CloudFixture>
{
    private readonly Uri _endpoint = fixture.Cloud.Endpoint;

    private async Task<HttpResponseMessage> PostJsonAsync(string target, string body, string contentType = "application/x-amz-json-1.0")
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task HealthReportsVersionUptimeAndServices()
    {
        using var http = new HttpClient();
        var health = JsonNode.Parse(await http.GetStringAsync(new Uri(_endpoint, "/_stratus/health")))!;
        Assert.Equal("running", health["status"]!.GetValue<string>());
        Assert.Matches(@"^\d+\.\d+\.\d+$", health["version"]!.GetValue<string>());
        Assert.True(health["uptimeSeconds"]!.GetValue<double>() >= 0);
        Assert.Equal("running", health["services"]!["sqs"]!["state"]!.GetValue<string>());
        Assert.Equal("ephemeral", health["storage"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownOperationsAndServicesAreAwsErrorsNot404()
    {
        using var unknownOp = await PostJsonAsync("AmazonSQS.FlyToTheMoon", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, unknownOp.StatusCode);
        Assert.EndsWith("UnknownOperationException", JsonNode.Parse(await unknownOp.Content.ReadAsStringAsync())!["__type"]!.GetValue<string>(), StringComparison.Ordinal);

        using var unknownService = await PostJsonAsync("NoSuchService_20990101.DoThing", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, unknownService.StatusCode);
        Assert.Contains("UnknownOperationException", await unknownService.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJsonIsASerializationError()
    {
        using var response = await PostJsonAsync("AmazonSQS.ListQueues", "{not json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("SerializationException", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRequiredMembersAreNamed()
    {
        using var response = await PostJsonAsync("AmazonSQS.SendMessage", "{\"MessageBody\":\"x\"}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MissingParameter;Sender", response.Headers.GetValues("x-amzn-query-error").Single());
        Assert.Contains("QueueUrl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedBodiesAreRefused()
    {
        using var response = await PostJsonAsync("AmazonSQS.SendMessage", "{\"MessageBody\":\"" + new string('x', 9 * 1024 * 1024) + "\"}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ResetWipesState()
    {
        await using var cloud = await Stratus.Testing.StratusCloud.StartAsync();
        using var sqs = new Amazon.SQS.AmazonSQSClient(cloud.Credentials, cloud.Configure(new Amazon.SQS.AmazonSQSConfig()));
        await sqs.CreateQueueAsync("before-reset");
        await cloud.ResetAsync();
        Assert.Empty((await sqs.ListQueuesAsync(new Amazon.SQS.Model.ListQueuesRequest())).QueueUrls ?? []);
    }
}
