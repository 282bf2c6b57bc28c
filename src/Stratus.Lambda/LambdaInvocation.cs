using System.Buffers;
using Stratus.Lambda.Runtime;

namespace Stratus.Lambda;

/// <summary>
/// One event handed to a raw handler: the payload bytes in, the response bytes out. The loop reuses both buffers
/// for the next event, so neither may be kept after the handler's task completes.
/// </summary>
public sealed class LambdaInvocation
{
    private readonly PayloadBuffer _payload;
    private readonly ArrayBufferWriter<byte> _response;
    private Stream? _responseStream;

    internal LambdaInvocation(ILambdaContext context, PayloadBuffer payload, ArrayBufferWriter<byte> response)
    {
        Context = context;
        _payload = payload;
        _response = response;
    }

    /// <summary>The invocation's context.</summary>
    public ILambdaContext Context { get; }

    /// <summary>The event payload as received (usually JSON).</summary>
    public ReadOnlyMemory<byte> Payload => _payload.Memory;

    /// <summary>The payload as a read-only stream.</summary>
    public Stream OpenPayloadStream() => new MemoryStream(_payload.Array, 0, _payload.Length, writable: false);

    /// <summary>Where the response payload is written; empty means an empty response body.</summary>
    public IBufferWriter<byte> Response => _response;

    /// <summary>A write-only stream over <see cref="Response"/>.</summary>
    public Stream ResponseStream => _responseStream ??= new BufferWriterStream(_response);

    /// <summary>The bytes written so far.</summary>
    public ReadOnlyMemory<byte> WrittenResponse => _response.WrittenMemory;

    /// <summary>Forgets what was written, e.g. when a handler fails half-way through writing.</summary>
    public void ClearResponse() => _response.ResetWrittenCount();
}
