using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Stratus.Protocols;

/// <summary>A request body read whole into a pooled buffer, refused past a size cap.</summary>
public sealed class BodyBuffer : IDisposable
{
    private byte[]? _array;

    private BodyBuffer(byte[]? array, int length)
    {
        _array = array;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _array is null ? default : _array.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _array is null ? default : _array.AsMemory(0, Length);

    public static readonly BodyBuffer Empty = new(null, 0);

    public static async ValueTask<BodyBuffer> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is long declared && declared > limit) throw TooLarge(limit);
        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                throw TooLarge(limit);
            }
            if (result.IsCompleted || result.IsCanceled)
            {
                var copy = Copy(buffer);
                reader.AdvanceTo(buffer.End);
                return copy;
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static BodyBuffer Copy(ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsEmpty) return Empty;
        var length = checked((int)buffer.Length);
        var array = ArrayPool<byte>.Shared.Rent(length);
        buffer.CopyTo(array);
        return new BodyBuffer(array, length);
    }

    public static BodyBuffer From(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return Empty;
        var array = ArrayPool<byte>.Shared.Rent(bytes.Length);
        bytes.CopyTo(array);
        return new BodyBuffer(array, bytes.Length);
    }

    private static AwsServiceException TooLarge(int limit) =>
        new("RequestEntityTooLarge", $"Request body is larger than the {limit} bytes this operation accepts.", 413);

    public void Dispose()
    {
        var array = Interlocked.Exchange(ref _array, null);
        if (array is not null) ArrayPool<byte>.Shared.Return(array);
    }
}
