using System.Buffers;

namespace Stratus.Lambda.Runtime;

/// <summary>A write-only stream appending to an <see cref="IBufferWriter{T}"/>, for handlers that produce streams.</summary>
internal sealed class BufferWriterStream(IBufferWriter<byte> writer) : Stream
{
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _written;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException("The response stream is append-only.");
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        writer.Write(buffer);
        _written += buffer.Length;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The response stream is write-only.");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("The response stream is append-only.");

    public override void SetLength(long value) => throw new NotSupportedException("The response stream is append-only.");
}
