using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Stratus.Protocols.Model;

namespace Stratus.Protocols;

/// <summary>An operation of a modeled service, independent of its API type: what the codecs dispatch on.</summary>
public abstract class OperationBase
{
    protected OperationBase(string name) => Name = name;

    public string Name { get; }

    public abstract object ReadInput(ReadOnlySpan<byte> json);
    public abstract object ReadInput(JsonNode? node);
    public abstract void WriteOutput(Utf8JsonWriter writer, object output);
    public abstract JsonNode? OutputToNode(object output);
    public abstract ValueTask<object> InvokeAsync(object api, object input, AwsCallContext context);
}

/// <summary>One operation: its typed input and output contracts and the call into the service's API.</summary>
public sealed class Operation<TApi, TIn, TOut> : OperationBase
    where TIn : class, IAwsShape
    where TOut : class
{
    private readonly JsonTypeInfo<TIn> _input;
    private readonly JsonTypeInfo<TOut> _output;
    private readonly Func<TApi, TIn, AwsCallContext, ValueTask<TOut>> _call;

    public Operation(string name, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output, Func<TApi, TIn, AwsCallContext, ValueTask<TOut>> call)
        : base(name)
    {
        _input = input;
        _output = output;
        _call = call;
    }

    public override object ReadInput(ReadOnlySpan<byte> json) =>
        json.IsEmpty ? Activator.CreateInstance<TIn>() : JsonSerializer.Deserialize(json, _input) ?? Activator.CreateInstance<TIn>();

    public override object ReadInput(JsonNode? node) =>
        node is null ? Activator.CreateInstance<TIn>() : node.Deserialize(_input) ?? Activator.CreateInstance<TIn>();

    public override void WriteOutput(Utf8JsonWriter writer, object output) => JsonSerializer.Serialize(writer, (TOut)output, _output);

    public override JsonNode? OutputToNode(object output) => JsonSerializer.SerializeToNode((TOut)output, _output);

    public override async ValueTask<object> InvokeAsync(object api, object input, AwsCallContext context) =>
        await _call((TApi)api, (TIn)input, context).ConfigureAwait(false);
}

/// <summary>All operations of one service with its trimmed model, looked up by name.</summary>
public sealed class OperationTable<TApi>
{
    private readonly Lazy<ServiceModel> _model;

    public OperationTable(Lazy<ServiceModel> model, IEnumerable<OperationBase> operations)
    {
        _model = model;
        ByName = operations.ToFrozenDictionary(o => o.Name, StringComparer.Ordinal);
    }

    public FrozenDictionary<string, OperationBase> ByName { get; }

    public ServiceModel Model => _model.Value;

    /// <summary>The operations the API type overrides: what the service implements.</summary>
    public IEnumerable<string> ImplementedBy(Type apiType) =>
        ByName.Keys.Where(name => apiType.GetMethod(name + "Async")?.DeclaringType != typeof(TApi)).Order(StringComparer.Ordinal);
}
