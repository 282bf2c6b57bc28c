using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Stratus.Protocols.Model;
using Stratus.Protocols.Query;
using Stratus.Protocols.Rest;

namespace Stratus.Protocols;

/// <summary>
/// A service whose operations are described by a generated <see cref="OperationTable{TApi}"/>: the codecs of
/// awsJson, awsQuery and restJson1 turn requests into typed calls on the API and results back into bytes.
/// </summary>
public abstract class ModeledService<TApi> : IAwsService where TApi : class
{
    private readonly OperationTable<TApi> _operations;
    private readonly Lazy<RestRouter> _restRouter;

    protected ModeledService(TApi api, OperationTable<TApi> operations)
    {
        Api = api;
        _operations = operations;
        _restRouter = new Lazy<RestRouter>(() => new RestRouter(operations.Model));
        ImplementedOperations = operations.ImplementedBy(api.GetType()).ToArray();
    }

    public TApi Api { get; }
    public abstract string Name { get; }
    public abstract ServiceRouting Routing { get; }
    public virtual ProtocolOptions Options { get; } = new();
    public ServiceModel Model => _operations.Model;
    public IReadOnlyCollection<string> ImplementedOperations { get; }

    public IReadOnlyCollection<string> KnownOperations => _operations.ByName.Keys;

    public abstract ValueTask ResetAsync();

    public virtual ValueTask StartAsync() => ValueTask.CompletedTask;

    public async Task HandleAsync(EdgeRequest request)
    {
        try
        {
            switch (request.Protocol)
            {
                case WireProtocol.Json:
                    await HandleJsonAsync(request).ConfigureAwait(false);
                    break;
                case WireProtocol.Query:
                    await HandleQueryAsync(request).ConfigureAwait(false);
                    break;
                case WireProtocol.RestJson:
                    await HandleRestJsonAsync(request).ConfigureAwait(false);
                    break;
                default:
                    throw new AwsServiceException("InvalidAction", $"{Name} does not speak {request.Protocol}.");
            }
        }
        catch (AwsServiceException error) when (!request.Http.Response.HasStarted)
        {
            await ErrorWriter.WriteAsync(request.Http, request.Protocol, error, request.RequestId, Model, Options).ConfigureAwait(false);
        }
    }

    private OperationBase Resolve(string? name, WireProtocol protocol)
    {
        if (name is not null && _operations.ByName.TryGetValue(name, out var op)) return op;
        return protocol == WireProtocol.Query
            ? throw new AwsServiceException("InvalidAction", $"The action {name} is not valid for this web service.")
            : throw new AwsServiceException("UnknownOperationException", $"Unknown operation {name}.");
    }

    private async Task HandleJsonAsync(EdgeRequest request)
    {
        var op = Resolve(request.TargetOperation, WireProtocol.Json);
        var context = request.CreateContext(Name, op.Name);
        object input;
        using (var body = await BodyBuffer.ReadAsync(request.Http.Request, Options.MaxRequestBytes, context.Aborted).ConfigureAwait(false))
        {
            input = ReadJson(op, body.Span);
        }
        var output = await InvokeAsync(op, input, context).ConfigureAwait(false);
        var response = request.Http.Response;
        response.StatusCode = 200;
        response.ContentType = "application/x-amz-json-" + Model.JsonVersion;
        response.Headers["x-amzn-RequestId"] = request.RequestId;
        WriteExtraHeaders(response, context);
        using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            op.WriteOutput(writer, output);
        }
        await response.BodyWriter.FlushAsync(context.Aborted).ConfigureAwait(false);
    }

    private static object ReadJson(OperationBase op, ReadOnlySpan<byte> body)
    {
        try
        {
            return op.ReadInput(body);
        }
        catch (JsonException e)
        {
            throw new AwsServiceException("SerializationException", JsonErrors.Describe(e));
        }
        catch (InvalidOperationException e)
        {
            throw new AwsServiceException("SerializationException", e.Message);
        }
    }

    private async Task HandleQueryAsync(EdgeRequest request)
    {
        var parameters = await QueryParameters.ReadAsync(request.Http.Request, Options.MaxRequestBytes).ConfigureAwait(false);
        var action = parameters.Get("Action");
        if (action is null) throw new AwsServiceException("MissingAction", "Missing Action");
        var op = Resolve(action, WireProtocol.Query);
        var context = request.CreateContext(Name, op.Name);
        var opModel = Model.Operations[op.Name];
        var node = opModel.Input is null ? null : QueryRequestReader.Read(Model, Model.Shape(opModel.Input), parameters);
        if (node is not null) BeforeQueryInput(node, request);
        object input;
        try
        {
            input = op.ReadInput(node);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new AwsServiceException("MalformedQueryString", JsonErrors.Describe(e));
        }
        var output = await InvokeAsync(op, input, context).ConfigureAwait(false);
        var xml = QueryResponseWriter.Write(Model, opModel, op.OutputToNode(output), request.RequestId);
        var response = request.Http.Response;
        response.StatusCode = 200;
        response.ContentType = "text/xml";
        response.Headers["x-amzn-RequestId"] = request.RequestId;
        WriteExtraHeaders(response, context);
        response.ContentLength = xml.Length;
        await response.Body.WriteAsync(xml, context.Aborted).ConfigureAwait(false);
    }

    private async Task HandleRestJsonAsync(EdgeRequest request)
    {
        var http = request.Http;
        var match = _restRouter.Value.Match(http.Request.Method, http.Request.Path.Value ?? "/", http.Request.Query)
            ?? throw NoRoute(http);
        var op = Resolve(match.Operation.Name, WireProtocol.RestJson);
        var context = request.CreateContext(Name, op.Name);
        object input;
        using (var body = await BodyBuffer.ReadAsync(http.Request, Options.MaxRequestBytes, context.Aborted).ConfigureAwait(false))
        {
            var node = RestJsonBinder.ReadInput(Model, match, http.Request, body.Memory);
            try
            {
                input = op.ReadInput(node);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                throw new AwsServiceException("SerializationException", JsonErrors.Describe(e));
            }
        }
        var output = await InvokeAsync(op, input, context).ConfigureAwait(false);
        http.Response.Headers["x-amzn-RequestId"] = request.RequestId;
        WriteExtraHeaders(http.Response, context);
        await RestJsonBinder.WriteOutputAsync(Model, match.Operation, op.OutputToNode(output), http.Response, context.Aborted).ConfigureAwait(false);
    }

    /// <summary>Lets a service complete query-protocol input from the request (e.g. SQS's QueueUrl from the path).</summary>
    protected virtual void BeforeQueryInput(System.Text.Json.Nodes.JsonObject input, EdgeRequest request)
    {
    }

    /// <summary>The error for a REST path that names no operation; services may word it their own way.</summary>
    protected virtual AwsServiceException NoRoute(HttpContext http) =>
        new("UnknownOperationException", $"No operation matches {http.Request.Method} {http.Request.Path}.", 400);

    private async ValueTask<object> InvokeAsync(OperationBase op, object input, AwsCallContext context)
    {
        if (((IAwsShape)input).FirstMissingRequired() is { } missing) throw Options.MissingRequired(op.Name, missing);
        return await op.InvokeAsync(Api, input, context).ConfigureAwait(false);
    }

    private static void WriteExtraHeaders(HttpResponse response, AwsCallContext context)
    {
        if (context.ResponseHeaders is null) return;
        foreach (var (k, v) in context.ResponseHeaders) response.Headers[k] = v;
    }
}
