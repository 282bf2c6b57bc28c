using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Lambda.Events;
using Xunit;
using static Stratus.Lambda.Tests.Events.EventRoundTripTests;

namespace Stratus.Lambda.Tests.Events;

/// <summary>The typed view of the samples: the members a function actually reads have the right values and types.</summary>
public sealed class EventModelTests
{
    private static readonly LambdaEventsJsonContext s_json = LambdaEventsJsonContext.Default;

    [Fact]
    public void HttpApiRequest()
    {
        var request = Read("http-api-v2-request.json", s_json.APIGatewayHttpApiV2ProxyRequest);

        Assert.Equal("GET /v1/jobs/{id}", request.RouteKey);
        Assert.Equal("city=Lyon&tag=a&tag=b", request.RawQueryString);
        Assert.Equal(["session=abc123", "theme=dark"], request.Cookies);
        Assert.Equal("42", request.PathParameters!["id"]);
        Assert.Equal("GET", request.RequestContext!.Http!.Method);
        Assert.Equal(1583817383220, request.RequestContext.TimeEpoch);
        Assert.Equal(["jobs/read"], request.RequestContext.Authorizer!.Jwt!.Scopes);
        Assert.True(request.IsBase64Encoded);
        var lambdaAuthorized = Read("http-api-v2-lambda-authorizer-request.json", s_json.APIGatewayHttpApiV2ProxyRequest);
        Assert.Equal(42, lambdaAuthorized.RequestContext!.Authorizer!.Lambda!["quota"].GetInt32());
    }

    [Fact]
    public void RestApiRequestWithCognitoAndLambdaAuthorizers()
    {
        var cognito = Read("rest-api-request.json", s_json.APIGatewayProxyRequest);
        var custom = Read("rest-api-request-custom-authorizer.json", s_json.APIGatewayProxyRequest);

        Assert.Equal(["a", "b"], cognito.MultiValueQueryStringParameters!["tag"]);
        Assert.Equal("/Prod/v1/jobs/42", cognito.RequestContext!.Path);
        Assert.Equal("ada", cognito.RequestContext.Authorizer!.Claims!["cognito:username"]);
        Assert.Equal("key-value", cognito.RequestContext.Identity!.ApiKey);
        Assert.Equal("user|a1b2c3d4", custom.RequestContext!.Authorizer!.PrincipalId);
        Assert.Equal(4, custom.RequestContext.Authorizer.IntegrationLatency);
        Assert.Equal("gold", custom.RequestContext.Authorizer.Context!["tier"].GetString());
        Assert.True(custom.RequestContext.Authorizer.Context["admin"].GetBoolean());
    }

    [Fact]
    public void WebSocketRequestContext()
    {
        var connect = Read("websocket-connect.json", s_json.APIGatewayProxyRequest);
        var message = Read("websocket-message.json", s_json.APIGatewayProxyRequest);
        var disconnect = Read("websocket-disconnect.json", s_json.APIGatewayProxyRequest);

        Assert.Equal(("$connect", "CONNECT", "Sr5SjfdfoAMCKwQ="), (connect.RequestContext!.RouteKey, connect.RequestContext.EventType, connect.RequestContext.ConnectionId));
        Assert.Equal(("sendmessage", "MESSAGE"), (message.RequestContext!.RouteKey, message.RequestContext.EventType));
        Assert.Equal(1707502303419, message.RequestContext.ConnectedAt);
        Assert.Equal((1001, "Going away"), (disconnect.RequestContext!.DisconnectStatusCode, disconnect.RequestContext.DisconnectReason));
    }

    [Fact]
    public void AuthorizerPolicyAcceptsStringsAndArrays()
    {
        var response = Read("authorizer-response.json", s_json.APIGatewayCustomAuthorizerResponse);

        Assert.Equal(["execute-api:Invoke"], response.PolicyDocument!.Statement[0].Action);
        Assert.Equal(2, response.PolicyDocument.Statement[0].Resource.Count);
        Assert.Equal(["execute-api:Invoke", "execute-api:ManageConnections"], response.PolicyDocument.Statement[1].Action);
        Assert.Equal(123, response.Context!["numberKey"]!.GetValue<int>());

        var built = new APIGatewayCustomAuthorizerV2SimpleResponse { IsAuthorized = true, Context = new() { ["user"] = "u-1", ["level"] = 3 } };
        Assert.Equal("""{"isAuthorized":true,"context":{"user":"u-1","level":3}}""", JsonSerializer.Serialize(built, s_json.APIGatewayCustomAuthorizerV2SimpleResponse));
    }

    [Fact]
    public void SqsEventAndBatchResponse()
    {
        var sqs = Read("sqs-event.json", s_json.SQSEvent);

        Assert.Equal(2, sqs.Records.Count);
        Assert.Equal("4", sqs.Records[1].Attributes!["ApproximateReceiveCount"]);
        Assert.Equal([1, 2, 3, 4], sqs.Records[0].MessageAttributes!["checksum"].BinaryValue);
        Assert.Equal("arn:aws:sqs:us-east-2:123456789012:my-queue", sqs.Records[0].EventSourceArn);
        var response = new SQSBatchResponse { BatchItemFailures = [new BatchItemFailure { ItemIdentifier = sqs.Records[1].MessageId }] };
        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"2e1424d4-f796-459a-8184-9c92662be6da"}]}""", JsonSerializer.Serialize(response, s_json.SQSBatchResponse));
        Assert.Equal("""{"batchItemFailures":[]}""", JsonSerializer.Serialize(new SQSBatchResponse(), s_json.SQSBatchResponse));
    }

    [Fact]
    public void S3EventRecord()
    {
        var record = Read("s3-event.json", s_json.S3Event).Records[0];

        Assert.Equal("ObjectCreated:Put", record.EventName);
        Assert.Equal(new DateTime(2024, 5, 4, 12, 30, 15, 123, DateTimeKind.Utc), record.EventTime);
        Assert.Equal(DateTimeKind.Utc, record.EventTime.Kind);
        Assert.Equal("jobs-imports", record.S3!.Bucket!.Name);
        Assert.Equal(1305107, record.S3.Object!.Size);
        Assert.Equal("b21b84d653bb07b05b1e6b33684dc11b", record.S3.Object.ETag);
        Assert.Equal("job_offers/new offers(2024).csv", record.S3.Object.DecodedKey);
        Assert.Equal("D82B88E5F771F645", record.ResponseElements!.XAmzRequestId);
    }

    [Fact]
    public void SnsRecord()
    {
        var sns = Read("sns-event.json", s_json.SNSEvent).Records[0].Sns!;

        Assert.Equal(new DateTime(2019, 1, 2, 12, 45, 7, DateTimeKind.Utc), sns.Timestamp);
        Assert.Equal("THING_APPROVED", sns.MessageAttributes!["eventType"].Value);
        Assert.Equal("TestInvoke", sns.Subject);
    }

    [Fact]
    public void DynamoDbStreamRecordsWithEveryAttributeType()
    {
        var records = Read("dynamodb-event.json", s_json.DynamoDBEvent).Records;

        Assert.Equal(["INSERT", "MODIFY", "REMOVE"], records.Select(record => record.EventName));
        var image = records[0].Dynamodb!.NewImage!;
        Assert.Equal("52000.50", image["salary"].N);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], image["logo"].B);
        Assert.Equal(["remote", "senior"], image["tags"].SS);
        Assert.Equal(["1", "2"], image["levels"].NS);
        Assert.Equal([1, 2], image["blobs"].BS![0]);
        Assert.True(image["company"].M!["listed"].BOOL);
        Assert.Equal("3", image["history"].L![1].N);
        Assert.True(image["deletedAt"].NULL);
        Assert.Equal(DateTime.UnixEpoch.AddSeconds(1428537600), records[0].Dynamodb!.ApproximateCreationDateTime);
        Assert.Equal("Dev", records[1].Dynamodb!.OldImage!["title"].S);
        Assert.Equal("4421584500000000017450439093", records[2].Dynamodb!.SequenceNumber);
        Assert.Equal(("Service", "dynamodb.amazonaws.com"), (records[2].UserIdentity!.Type, records[2].UserIdentity!.PrincipalId));
        Assert.Null(records[0].UserIdentity);
    }

    [Fact]
    public void CognitoTriggers()
    {
        var preSignUp = Read("cognito-pre-signup.json", s_json.CognitoPreSignupEvent);
        Assert.Equal(("PreSignUp_SignUp", "us-east-1_EXAMPLE", "ada"), (preSignUp.TriggerSource, preSignUp.UserPoolId, preSignUp.UserName));
        Assert.Equal("1example23456789", preSignUp.CallerContext!.ClientId);
        Assert.Equal("ada@example.com", preSignUp.Request.UserAttributes!["email"]);
        preSignUp.Response.AutoConfirmUser = true;
        var answer = JsonNode.Parse(JsonSerializer.Serialize(preSignUp, s_json.CognitoPreSignupEvent))!;
        Assert.True(answer["response"]!["autoConfirmUser"]!.GetValue<bool>());
        Assert.Equal("PreSignUp_SignUp", answer["triggerSource"]!.GetValue<string>());

        var postConfirmation = Read("cognito-post-confirmation.json", s_json.CognitoPostConfirmationEvent);
        Assert.Equal("CONFIRMED", postConfirmation.Request.UserAttributes!["cognito:user_status"]);
        Assert.Equal("{}", JsonNode.Parse(JsonSerializer.Serialize(postConfirmation, s_json.CognitoPostConfirmationEvent))!["response"]!.ToJsonString());

        var message = Read("cognito-custom-message.json", s_json.CognitoCustomMessageEvent);
        Assert.Equal("{####}", message.Request.CodeParameter);
        Assert.Equal("Welcome", message.Response.EmailSubject);

        var tokenV1 = Read("cognito-pre-token-generation.json", s_json.CognitoPreTokenGenerationEvent);
        Assert.Equal(["organisers"], tokenV1.Request.GroupConfiguration!.GroupsToOverride);
        Assert.Equal("acme", tokenV1.Response.ClaimsOverrideDetails!.ClaimsToAddOrOverride!["tenant"]);

        var tokenV2 = Read("cognito-pre-token-generation-v2.json", s_json.CognitoPreTokenGenerationV2Event);
        Assert.Equal(["aws.cognito.signin.user.admin", "openid"], tokenV2.Request.Scopes);
        var access = tokenV2.Response.ClaimsAndScopeOverrideDetails!.AccessTokenGeneration!;
        Assert.Equal(3, access.ClaimsToAddOrOverride!["tier"]!.GetValue<int>());
        Assert.Contains("openid", access.ScopesToAdd!);
    }

    [Fact]
    public void EventBridgeAndScheduledEvents()
    {
        var scheduled = Read("eventbridge-scheduled.json", s_json.EventBridgeEvent);
        var custom = Read("eventbridge-custom.json", s_json.EventBridgeEvent);

        Assert.Equal(("Scheduled Event", "aws.events"), (scheduled.DetailType, scheduled.Source));
        Assert.Equal(new DateTime(2019, 10, 8, 16, 53, 6, DateTimeKind.Utc), scheduled.Time);
        Assert.Equal(JsonValueKind.Object, scheduled.Detail.ValueKind);
        Assert.Equal("auditor-7", custom.Detail.GetProperty("approvedBy").GetProperty("id").GetString());
        Assert.Equal(9.5, custom.Detail.GetProperty("score").GetDouble());
    }
}
