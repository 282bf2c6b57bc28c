using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Stratus.Tests.Support;
using Xunit;

namespace Stratus.Tests.Sqs;

/// <summary>SQS's query protocol: raw form posts and Debian's AWS CLI v2.9, which still speaks it.</summary>
public sealed class SqsQueryProtocolTests(CloudFixture fixture) : IClassFixture<CloudFixture>
{
    private static readonly XNamespace Ns = "http://queue.amazonaws.com/doc/2012-11-05/";
    private readonly Uri _endpoint = fixture.Cloud.Endpoint;

    private async Task<(HttpStatusCode Status, XDocument Xml, HttpResponseMessage Response)> PostAsync(string path, params (string, string)[] form)
    {
        using var http = new HttpClient();
        using var content = new FormUrlEncodedContent(form.Select(p => KeyValuePair.Create(p.Item1, p.Item2)).Append(KeyValuePair.Create("Version", "2012-11-05")));
        var response = await http.PostAsync(new Uri(_endpoint, path), content);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, xml, response);
    }

    [Fact]
    public async Task FormPostsRoundTripMessagesWithAttributes()
    {
        var name = "query-" + Guid.NewGuid().ToString("N")[..8];
        var created = await PostAsync("/", ("Action", "CreateQueue"), ("QueueName", name), ("Attribute.1.Name", "VisibilityTimeout"), ("Attribute.1.Value", "40"));
        Assert.Equal(HttpStatusCode.OK, created.Status);
        var url = created.Xml.Descendants(Ns + "QueueUrl").Single().Value;

        // Old clients post to the queue URL itself, without a QueueUrl parameter.
        var path = new Uri(url).AbsolutePath;
        var sent = await PostAsync(path, ("Action", "SendMessageBatch"),
            ("SendMessageBatchRequestEntry.1.Id", "one"), ("SendMessageBatchRequestEntry.1.MessageBody", "hello & <world>"),
            ("SendMessageBatchRequestEntry.1.MessageAttribute.1.Name", "color"),
            ("SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.DataType", "String"),
            ("SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.StringValue", "blue"),
            ("SendMessageBatchRequestEntry.2.Id", "two"), ("SendMessageBatchRequestEntry.2.MessageBody", "second"));
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Equal(2, sent.Xml.Descendants(Ns + "SendMessageBatchResultEntry").Count());
        Assert.NotNull(sent.Xml.Descendants(Ns + "RequestId").SingleOrDefault());

        var received = await PostAsync("/", ("Action", "ReceiveMessage"), ("QueueUrl", url), ("MaxNumberOfMessages", "10"),
            ("AttributeName.1", "All"), ("MessageAttributeName.1", "All"));
        var messages = received.Xml.Descendants(Ns + "Message").ToList();
        Assert.Equal(2, messages.Count);
        var first = messages.Single(m => m.Element(Ns + "Body")!.Value == "hello & <world>");
        var attribute = first.Element(Ns + "MessageAttribute")!;
        Assert.Equal("color", attribute.Element(Ns + "Name")!.Value);
        Assert.Equal("blue", attribute.Element(Ns + "Value")!.Element(Ns + "StringValue")!.Value);
        Assert.Contains(first.Elements(Ns + "Attribute"), a => a.Element(Ns + "Name")!.Value == "ApproximateReceiveCount" && a.Element(Ns + "Value")!.Value == "1");

        var attributes = await PostAsync("/", ("Action", "GetQueueAttributes"), ("QueueUrl", url), ("AttributeName.1", "VisibilityTimeout"));
        Assert.Equal("40", attributes.Xml.Descendants(Ns + "Attribute").Single().Element(Ns + "Value")!.Value);
    }

    [Fact]
    public async Task QueryRequestsMayBeSentAsGet()
    {
        var name = "get-" + Guid.NewGuid().ToString("N")[..8];
        using var http = new HttpClient();
        var created = XDocument.Parse(await http.GetStringAsync(new Uri(_endpoint, $"/?Action=CreateQueue&QueueName={name}&Version=2012-11-05")));
        var url = created.Descendants(Ns + "QueueUrl").Single().Value;
        var listed = XDocument.Parse(await http.GetStringAsync(new Uri(_endpoint, $"/?Action=ListQueues&QueueNamePrefix={name}&Version=2012-11-05")));
        Assert.Equal(url, listed.Descendants(Ns + "QueueUrl").Single().Value);
    }

    [Fact]
    public async Task ErrorsUseTheQueryErrorShape()
    {
        var missing = await PostAsync("/", ("Action", "GetQueueUrl"), ("QueueName", "does-not-exist"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal("ErrorResponse", missing.Xml.Root!.Name.LocalName);
        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue", missing.Xml.Descendants("Code").Single().Value);
        Assert.Equal("Sender", missing.Xml.Descendants("Type").Single().Value);

        var unknown = await PostAsync("/", ("Action", "FlyToTheMoon"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal("InvalidAction", unknown.Xml.Descendants("Code").Single().Value);

        var missingParameter = await PostAsync("/", ("Action", "CreateQueue"));
        Assert.Equal("MissingParameter", missingParameter.Xml.Descendants("Code").Single().Value);
    }

    [Fact]
    public async Task DebianAwsCliV2SpeaksQuery()
    {
        var name = "cli-" + Guid.NewGuid().ToString("N")[..8];
        var created = await AwsCli.RunAsync(AwsCli.AwsV2, _endpoint, "sqs", "create-queue", "--queue-name", name);
        Assert.True(created.ExitCode == 0, created.Stderr);
        var url = JsonNode.Parse(created.Stdout)!["QueueUrl"]!.GetValue<string>();
        var sent = await AwsCli.RunAsync(AwsCli.AwsV2, _endpoint, "sqs", "send-message", "--queue-url", url, "--message-body", "from cli v2",
            "--message-attributes", "{\"n\":{\"DataType\":\"Number\",\"StringValue\":\"7\"}}");
        Assert.True(sent.ExitCode == 0, sent.Stderr);
        var received = await AwsCli.RunAsync(AwsCli.AwsV2, _endpoint, "sqs", "receive-message", "--queue-url", url, "--message-attribute-names", "All");
        Assert.True(received.ExitCode == 0, received.Stderr);
        var message = JsonNode.Parse(received.Stdout)!["Messages"]![0]!;
        Assert.Equal("from cli v2", message["Body"]!.GetValue<string>());
        Assert.Equal("7", message["MessageAttributes"]!["n"]!["StringValue"]!.GetValue<string>());
        var deleted = await AwsCli.RunAsync(AwsCli.AwsV2, _endpoint, "sqs", "delete-message", "--queue-url", url, "--receipt-handle", message["ReceiptHandle"]!.GetValue<string>());
        Assert.True(deleted.ExitCode == 0, deleted.Stderr);
        var missing = await AwsCli.RunAsync(AwsCli.AwsV2, _endpoint, "sqs", "get-queue-url", "--queue-name", name + "-missing");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("NonExistentQueue", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MachineAwsCliV1SpeaksJson()
    {
        var name = "cli1-" + Guid.NewGuid().ToString("N")[..8];
        var created = await AwsCli.RunAsync(AwsCli.AwsV1, _endpoint, "sqs", "create-queue", "--queue-name", name);
        Assert.True(created.ExitCode == 0, created.Stderr);
        var url = JsonNode.Parse(created.Stdout)!["QueueUrl"]!.GetValue<string>();
        var sent = await AwsCli.RunAsync(AwsCli.AwsV1, _endpoint, "sqs", "send-message-batch", "--queue-url", url, "--entries",
            "[{\"Id\":\"a\",\"MessageBody\":\"one\"},{\"Id\":\"b\",\"MessageBody\":\"two\"}]");
        Assert.True(sent.ExitCode == 0, sent.Stderr);
        var received = await AwsCli.RunAsync(AwsCli.AwsV1, _endpoint, "sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "10");
        Assert.Equal(2, JsonNode.Parse(received.Stdout)!["Messages"]!.AsArray().Count);
    }
}
