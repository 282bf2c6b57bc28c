using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Stratus.Lambda.Events;
using Xunit;

namespace Stratus.Lambda.Tests.Events;

/// <summary>
/// Every event and response type against a sample shaped as AWS documents it: read with the source-generated context,
/// written back, and compared member by member (explicit nulls in a sample are equivalent to absent members).
/// </summary>
public sealed class EventRoundTripTests
{
    private static readonly LambdaEventsJsonContext s_context = LambdaEventsJsonContext.Default;

    public static TheoryData<string, string> Samples() => new()
    {
        { "http-api-v2-request.json", nameof(APIGatewayHttpApiV2ProxyRequest) },
        { "http-api-v2-lambda-authorizer-request.json", nameof(APIGatewayHttpApiV2ProxyRequest) },
        { "http-api-v2-response.json", nameof(APIGatewayHttpApiV2ProxyResponse) },
        { "rest-api-request.json", nameof(APIGatewayProxyRequest) },
        { "rest-api-request-custom-authorizer.json", nameof(APIGatewayProxyRequest) },
        { "rest-api-response.json", nameof(APIGatewayProxyResponse) },
        { "websocket-connect.json", nameof(APIGatewayProxyRequest) },
        { "websocket-message.json", nameof(APIGatewayProxyRequest) },
        { "websocket-disconnect.json", nameof(APIGatewayProxyRequest) },
        { "authorizer-token-request.json", nameof(APIGatewayCustomAuthorizerRequest) },
        { "authorizer-request-request.json", nameof(APIGatewayCustomAuthorizerRequest) },
        { "authorizer-response.json", nameof(APIGatewayCustomAuthorizerResponse) },
        { "authorizer-v2-request.json", nameof(APIGatewayCustomAuthorizerV2Request) },
        { "authorizer-v2-simple-response.json", nameof(APIGatewayCustomAuthorizerV2SimpleResponse) },
        { "sqs-event.json", nameof(SQSEvent) },
        { "sqs-batch-response.json", nameof(SQSBatchResponse) },
        { "s3-event.json", nameof(S3Event) },
        { "sns-event.json", nameof(SNSEvent) },
        { "dynamodb-event.json", nameof(DynamoDBEvent) },
        { "cognito-pre-signup.json", nameof(CognitoPreSignupEvent) },
        { "cognito-post-confirmation.json", nameof(CognitoPostConfirmationEvent) },
        { "cognito-custom-message.json", nameof(CognitoCustomMessageEvent) },
        { "cognito-pre-token-generation.json", nameof(CognitoPreTokenGenerationEvent) },
        { "cognito-pre-token-generation-v2.json", nameof(CognitoPreTokenGenerationV2Event) },
        { "eventbridge-scheduled.json", nameof(EventBridgeEvent) },
        { "eventbridge-custom.json", nameof(EventBridgeEvent) },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void SampleRoundTripsWithoutLosingAMember(string file, string typeName)
    {
        var json = File.ReadAllText(SamplePath(file));
        var typeInfo = TypeInfo(typeName);

        var value = JsonSerializer.Deserialize(json, typeInfo);
        var written = JsonSerializer.Serialize(value, typeInfo);

        var expected = WithoutNulls(JsonNode.Parse(json));
        var actual = JsonNode.Parse(written);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{file} changed in the round trip:\nexpected {expected?.ToJsonString()}\nactual   {actual?.ToJsonString()}");
    }

    [Fact]
    public void SampleListCoversEveryFile()
    {
        var listed = Samples().Select(row => (string)row[0]).ToHashSet();
        var files = Directory.GetFiles(Path.GetDirectoryName(SamplePath("sqs-event.json"))!, "*.json").Select(path => Path.GetFileName(path)!);

        Assert.All(files, file => Assert.Contains(file, listed));
    }

    internal static string SamplePath(string file) => Path.Combine(AppContext.BaseDirectory, "Events", "Samples", file);

    internal static T Read<T>(string file, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(File.ReadAllText(SamplePath(file)), typeInfo)!;

    private static JsonTypeInfo TypeInfo(string typeName) =>
        s_context.GetTypeInfo(typeof(LambdaEventsJsonContext).Assembly.GetType($"Stratus.Lambda.Events.{typeName}", throwOnError: true)!)!;

    private static JsonNode? WithoutNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is null)
                    {
                        obj.Remove(name);
                    }
                    else
                    {
                        WithoutNulls(child);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    WithoutNulls(child);
                }

                break;
        }

        return node;
    }
}
