using Amazon.SQS;
using Amazon.SQS.Model;
using Stratus.Tests.Support;
using Xunit;

namespace Stratus.Tests.Sqs;

public sealed class SqsQueueTests(CloudFixture fixture) : SqsTestBase(fixture)
{
    [Fact]
    public async Task CreateGetListAndDeleteQueues()
    {
        var prefix = UniqueName("list");
        var urls = new List<string>();
        for (var i = 0; i < 3; i++) urls.Add(await CreateQueueAsync($"{prefix}-{i}"));
        Assert.EndsWith($"/000000000000/{prefix}-0", urls[0], StringComparison.Ordinal);

        var url = (await Sqs.GetQueueUrlAsync($"{prefix}-1")).QueueUrl;
        Assert.Equal(urls[1], url);

        var all = await Sqs.ListQueuesAsync(new ListQueuesRequest { QueueNamePrefix = prefix });
        Assert.Equal(urls, all.QueueUrls);

        var page1 = await Sqs.ListQueuesAsync(new ListQueuesRequest { QueueNamePrefix = prefix, MaxResults = 2 });
        Assert.Equal(urls[..2], page1.QueueUrls);
        Assert.NotNull(page1.NextToken);
        var page2 = await Sqs.ListQueuesAsync(new ListQueuesRequest { QueueNamePrefix = prefix, MaxResults = 2, NextToken = page1.NextToken });
        Assert.Equal(urls[2..], page2.QueueUrls);
        Assert.Null(page2.NextToken);

        await Sqs.DeleteQueueAsync(urls[0]);
        var error = await Assert.ThrowsAsync<QueueDoesNotExistException>(() => Sqs.GetQueueUrlAsync($"{prefix}-0"));
        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue", error.ErrorCode);
        await Assert.ThrowsAsync<QueueDoesNotExistException>(() => Sqs.SendMessageAsync(urls[0], "x"));

        // A deleted name cannot be reused for 60 seconds.
        var recreate = await Assert.ThrowsAsync<QueueDeletedRecentlyException>(() => CreateQueueAsync($"{prefix}-0"));
        Assert.Equal(400, (int)recreate.StatusCode);
    }

    [Fact]
    public async Task CreateQueueIsIdempotentButRefusesDifferentAttributes()
    {
        var name = UniqueName();
        var first = await CreateQueueAsync(name, new() { ["VisibilityTimeout"] = "45" });
        var again = await CreateQueueAsync(name, new() { ["VisibilityTimeout"] = "45" });
        Assert.Equal(first, again);
        var conflict = await Assert.ThrowsAsync<QueueNameExistsException>(() => CreateQueueAsync(name, new() { ["VisibilityTimeout"] = "46" }));
        Assert.Contains("VisibilityTimeout", conflict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("dot.in.name")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task InvalidQueueNamesAreRefused(string name)
    {
        var error = await Assert.ThrowsAnyAsync<AmazonSQSException>(() => CreateQueueAsync(name));
        Assert.Contains(error.ErrorCode, new[] { "InvalidParameterValue", "MissingParameter" });
    }

    [Fact]
    public async Task FifoQueuesNeedTheSuffixAndTheAttribute()
    {
        await Assert.ThrowsAnyAsync<AmazonSQSException>(() => CreateQueueAsync(UniqueName() + ".fifo"));
        await Assert.ThrowsAnyAsync<AmazonSQSException>(() => CreateQueueAsync(UniqueName(), new() { ["FifoQueue"] = "true" }));
        var url = await CreateQueueAsync(UniqueName() + ".fifo", new() { ["FifoQueue"] = "true", ["ContentBasedDeduplication"] = "true" });
        var attributes = await Sqs.GetQueueAttributesAsync(url, ["All"]);
        Assert.Equal("true", attributes.Attributes["FifoQueue"]);
        Assert.Equal("true", attributes.Attributes["ContentBasedDeduplication"]);
        Assert.Equal("queue", attributes.Attributes["DeduplicationScope"]);
    }

    [Fact]
    public async Task AttributesHaveDefaultsCountsAndValidation()
    {
        var url = await CreateQueueAsync();
        var attributes = (await Sqs.GetQueueAttributesAsync(url, ["All"])).Attributes;
        Assert.Equal("30", attributes["VisibilityTimeout"]);
        Assert.Equal("345600", attributes["MessageRetentionPeriod"]);
        Assert.Equal("0", attributes["ApproximateNumberOfMessages"]);
        Assert.StartsWith("arn:aws:sqs:us-east-1:000000000000:", attributes["QueueArn"], StringComparison.Ordinal);
        Assert.True(long.Parse(attributes["CreatedTimestamp"], System.Globalization.CultureInfo.InvariantCulture) > 1_600_000_000);

        await Sqs.SendMessageAsync(url, "a");
        await Sqs.SendMessageAsync(new SendMessageRequest(url, "b") { DelaySeconds = 60 });
        await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MaxNumberOfMessages = 1 });
        await Sqs.SendMessageAsync(url, "c");
        var counts = (await Sqs.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"])).Attributes;
        Assert.Equal("1", counts["ApproximateNumberOfMessages"]);
        Assert.Equal("1", counts["ApproximateNumberOfMessagesNotVisible"]);
        Assert.Equal("1", counts["ApproximateNumberOfMessagesDelayed"]);
        Assert.Equal(3, counts.Count);

        await Sqs.SetQueueAttributesAsync(url, new() { ["VisibilityTimeout"] = "100", ["DelaySeconds"] = "5" });
        Assert.Equal("100", (await Sqs.GetQueueAttributesAsync(url, ["VisibilityTimeout"])).Attributes["VisibilityTimeout"]);

        var invalid = await Assert.ThrowsAsync<InvalidAttributeValueException>(() => Sqs.SetQueueAttributesAsync(url, new() { ["VisibilityTimeout"] = "43201" }));
        Assert.Equal("InvalidAttributeValue", invalid.ErrorCode);
        var unknown = await Assert.ThrowsAsync<InvalidAttributeNameException>(() => Sqs.GetQueueAttributesAsync(url, ["Nope"]));
        Assert.Contains("Nope", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TagsAndPermissions()
    {
        var url = (await Sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = UniqueName(), Tags = new() { ["team"] = "jobs" } })).QueueUrl;
        await Sqs.TagQueueAsync(new TagQueueRequest { QueueUrl = url, Tags = new() { ["env"] = "dev" } });
        var tags = (await Sqs.ListQueueTagsAsync(new ListQueueTagsRequest { QueueUrl = url })).Tags;
        Assert.Equal("jobs", tags["team"]);
        Assert.Equal("dev", tags["env"]);
        await Sqs.UntagQueueAsync(new UntagQueueRequest { QueueUrl = url, TagKeys = ["team"] });
        Assert.Single((await Sqs.ListQueueTagsAsync(new ListQueueTagsRequest { QueueUrl = url })).Tags);

        await Sqs.AddPermissionAsync(new AddPermissionRequest { QueueUrl = url, Label = "send", AWSAccountIds = ["111122223333"], Actions = ["SendMessage"] });
        var policy = (await Sqs.GetQueueAttributesAsync(url, ["Policy"])).Attributes["Policy"];
        Assert.Contains("\"Sid\":\"send\"", policy, StringComparison.Ordinal);
        Assert.Contains("SQS:SendMessage", policy, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<AmazonSQSException>(() => Sqs.AddPermissionAsync(new AddPermissionRequest { QueueUrl = url, Label = "send", AWSAccountIds = ["1"], Actions = ["SendMessage"] }));
        await Sqs.RemovePermissionAsync(url, "send");
        Assert.False((await Sqs.GetQueueAttributesAsync(url, ["Policy"])).Attributes?.ContainsKey("Policy") ?? false);
    }

    [Fact]
    public async Task PurgeEmptiesTheQueueOncePerMinute()
    {
        var url = await CreateQueueAsync();
        for (var i = 0; i < 5; i++) await Sqs.SendMessageAsync(url, "m" + i);
        await Sqs.PurgeQueueAsync(url);
        Assert.Empty((await Sqs.ReceiveMessageAsync(url)).Messages ?? []);
        var again = await Assert.ThrowsAsync<PurgeQueueInProgressException>(() => Sqs.PurgeQueueAsync(url));
        Assert.Equal(403, (int)again.StatusCode);
    }

    [Fact]
    public async Task QueueUrlsResolveByPathWhateverTheHost()
    {
        var name = UniqueName();
        await CreateQueueAsync(name);
        await Sqs.SendMessageAsync($"http://sqs.example.invalid:1234/000000000000/{name}", "hello");
        var received = await Sqs.ReceiveMessageAsync($"https://queue.amazonaws.com/000000000000/{name}");
        Assert.Equal("hello", Assert.Single(received.Messages).Body);
    }

    [Fact]
    public async Task AccountsAreIsolatedByAccessKey()
    {
        var name = UniqueName();
        await CreateQueueAsync(name);
        using var other = new AmazonSQSClient(new Amazon.Runtime.BasicAWSCredentials("111111111111", "secret"), Fixture.Cloud.Configure(new AmazonSQSConfig()));
        await Assert.ThrowsAsync<QueueDoesNotExistException>(() => other.GetQueueUrlAsync(name));
        var url = (await other.CreateQueueAsync(name)).QueueUrl;
        Assert.Contains("/111111111111/", url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegionsAreIsolated()
    {
        var name = UniqueName();
        await CreateQueueAsync(name);
        var config = Fixture.Cloud.Configure(new AmazonSQSConfig());
        config.AuthenticationRegion = "eu-west-3";
        using var paris = new AmazonSQSClient(Fixture.Cloud.Credentials, config);
        await Assert.ThrowsAsync<QueueDoesNotExistException>(() => paris.GetQueueUrlAsync(name));
    }
}
