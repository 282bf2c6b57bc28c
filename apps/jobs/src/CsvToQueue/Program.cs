using Amazon.S3;
using Amazon.SQS;
using Jobs.Core;
using Jobs.CsvToQueue;
using Stratus.Lambda;
using Stratus.Lambda.Events;

var queueUrl = Environment.GetEnvironmentVariable("QUEUE_URL")
    ?? throw new InvalidOperationException("QUEUE_URL is not set");
var ingestion = new CsvIngestion(
    new AmazonS3Client(AwsClients.Configure(new AmazonS3Config())),
    new QueueSender(new AmazonSQSClient(AwsClients.Configure(new AmazonSQSConfig())), queueUrl));
await LambdaRuntime.RunAsync<S3Event>(ingestion.HandleAsync, LambdaEventsJsonContext.Default.S3Event);
