using Amazon.DynamoDBv2;
using Jobs.Core;
using Jobs.QueueToTable;
using Stratus.Lambda;
using Stratus.Lambda.Events;

var table = Environment.GetEnvironmentVariable("TABLE_NAME") ?? throw new InvalidOperationException("TABLE_NAME is not set");
var writer = new JobWriter(new AmazonDynamoDBClient(AwsClients.Configure(new AmazonDynamoDBConfig())), table);
await LambdaRuntime.RunAsync<SQSEvent, SQSBatchResponse>(writer.HandleAsync,
    LambdaEventsJsonContext.Default.SQSEvent, LambdaEventsJsonContext.Default.SQSBatchResponse);
