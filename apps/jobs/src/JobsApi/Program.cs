using Amazon.DynamoDBv2;
using Jobs.Api;
using Jobs.Core;
using Stratus.Lambda.AspNetCore;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
builder.Services.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient(AwsClients.Configure(new AmazonDynamoDBConfig())));
builder.Services.AddSingleton(sp => new JobRepository(sp.GetRequiredService<IAmazonDynamoDB>(),
    Environment.GetEnvironmentVariable("TABLE_NAME") ?? "jobs",
    Environment.GetEnvironmentVariable("CITY_INDEX") ?? "city-index"));
var app = builder.Build();
app.UseExceptionHandler(errors => errors.Run(context => ApiResults.InternalError().ExecuteAsync(context)));
app.UseStatusCodePages(context => ApiResults.Status(context.HttpContext).ExecuteAsync(context.HttpContext));
JobsEndpoints.Map(app);
app.Run();
