using System.Collections.Concurrent;

namespace Stratus.Storage;

/// <summary>The in-memory twin of <see cref="FileBlobStore"/>.</summary>
public sealed class MemoryBlobStore : IBlobStore
{
    private readonly ConcurrentDictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);

    public BlobWriter Create() => new MemoryBlobWriter(this, BlobWriter.NewId());

    public Stream OpenRead(string blobId) =>
        _blobs.TryGetValue(blobId, out var bytes) ? new MemoryStream(bytes, writable: false) : throw new FileNotFoundException("no such blob", blobId);

    public long Length(string blobId) =>
        _blobs.TryGetValue(blobId, out var bytes) ? bytes.Length : throw new FileNotFoundException("no such blob", blobId);

    public bool Exists(string blobId) => _blobs.ContainsKey(blobId);

    public void Delete(string blobId) => _blobs.TryRemove(blobId, out _);

    public ValueTask ClearAsync()
    {
        _blobs.Clear();
        return ValueTask.CompletedTask;
    }

    private sealed class MemoryBlobWriter(MemoryBlobStore store, string id) : BlobWriter
    {
        private readonly MemoryStream _buffer = new();

        public override string BlobId { get; } = id;
        public override long Length => _buffer.Length;

        public override void Write(byte[] buffer, int offset, int count) => _buffer.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => _buffer.Write(buffer);
        public override void Flush() { }

        public override ValueTask CommitAsync(CancellationToken cancellationToken = default)
        {
            store._blobs[BlobId] = _buffer.ToArray();
            return ValueTask.CompletedTask;
        }
    }
}
