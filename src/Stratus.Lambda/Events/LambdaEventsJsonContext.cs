using System.Text.Json.Serialization;

namespace Stratus.Lambda.Events;

/// <summary>
/// Source-generated JSON metadata for every event and response type, e.g.
/// <c>LambdaEventsJsonContext.Default.SQSEvent</c>. Nulls are left out when writing, as AWS omits absent members.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyRequest))]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyResponse))]
[JsonSerializable(typeof(APIGatewayProxyRequest))]
[JsonSerializable(typeof(APIGatewayProxyResponse))]
[JsonSerializable(typeof(APIGatewayCustomAuthorizerRequest))]
[JsonSerializable(typeof(APIGatewayCustomAuthorizerResponse))]
[JsonSerializable(typeof(APIGatewayCustomAuthorizerV2Request))]
[JsonSerializable(typeof(APIGatewayCustomAuthorizerV2SimpleResponse))]
[JsonSerializable(typeof(SQSEvent))]
[JsonSerializable(typeof(SQSBatchResponse))]
[JsonSerializable(typeof(StreamsEventResponse))]
[JsonSerializable(typeof(S3Event))]
[JsonSerializable(typeof(SNSEvent))]
[JsonSerializable(typeof(DynamoDBEvent))]
[JsonSerializable(typeof(EventBridgeEvent))]
[JsonSerializable(typeof(CognitoPreSignupEvent))]
[JsonSerializable(typeof(CognitoPostConfirmationEvent))]
[JsonSerializable(typeof(CognitoPreAuthenticationEvent))]
[JsonSerializable(typeof(CognitoPostAuthenticationEvent))]
[JsonSerializable(typeof(CognitoCustomMessageEvent))]
[JsonSerializable(typeof(CognitoPreTokenGenerationEvent))]
[JsonSerializable(typeof(CognitoPreTokenGenerationV2Event))]
public sealed partial class LambdaEventsJsonContext : JsonSerializerContext;
