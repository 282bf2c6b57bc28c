using System.Text.Json.Nodes;
using Stratus.Contracts.Sqs;
using Stratus.Protocols;
using Stratus.Protocols.Hosting;
using Stratus.Services.Sqs.Model;

namespace Stratus.Services.Sqs;

/// <summary>
/// SQS on the edge: the JSON protocol current SDKs speak (AmazonSQS.*) and the query protocol older clients
/// (AWS CLI v2.9) speak, both over the same <see cref="SqsApi"/>.
/// </summary>
public sealed class SqsService : ModeledService<SqsApiBase>
{
    private readonly SqsApi _api;
    private readonly ServiceHost _host;

    public SqsService(ServiceHost host) : this(host, Create(host))
    {
    }

    private SqsService(ServiceHost host, SqsApi api) : base(api, SqsOperations.All)
    {
        _api = api;
        _host = host;
        api.RunBackground = host.RunBackground;
        host.Publish<SqsApiBase>(api);
    }

    private static SqsApi Create(ServiceHost host) =>
        new(new QueueRegistry(), new SqsStore(host.Storage.Metadata), host.Time, () => host.Endpoint.Authority);

    public override string Name => "sqs";

    public override ServiceRouting Routing { get; } = new()
    {
        SigningNames = ["sqs"],
        TargetPrefixes = ["AmazonSQS"],
        QueryVersion = "2012-11-05",
    };

    public override ProtocolOptions Options { get; } = new()
    {
        JsonErrorTypePrefix = "com.amazonaws.sqs#",
        // A batch carries up to 1 MiB of messages; JSON escaping can multiply that.
        MaxRequestBytes = 8 * 1024 * 1024,
        MissingRequired = (_, member) => SqsErrors.MissingParameter(member),
    };

    public override async ValueTask StartAsync()
    {
        await _api.LoadAsync().ConfigureAwait(false);
        _host.RunBackground("sqs-retention", async stopping =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), _host.Time);
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false)) await _api.ExpireAsync().ConfigureAwait(false);
        });
    }

    public override ValueTask ResetAsync()
    {
        _api.Reset();
        return ValueTask.CompletedTask;
    }

    /// <summary>Query clients may post to the queue URL itself and leave QueueUrl out of the parameters.</summary>
    protected override void BeforeQueryInput(JsonObject input, EdgeRequest request)
    {
        if (input.ContainsKey("QueueUrl")) return;
        var segments = (request.Http.Request.Path.Value ?? "").Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 2) input["QueueUrl"] = $"http://{request.Http.Request.Host}/{segments[0]}/{segments[1]}";
    }
}
