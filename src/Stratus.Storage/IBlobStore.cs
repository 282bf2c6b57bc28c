namespace Stratus.Storage;

/// <summary>
/// Immutable byte blobs named by ids the store makes up (so no user-supplied name ever reaches the file
/// system). A blob becomes visible only when its writer commits: a crash mid-write leaves nothing.
/// </summary>
public interface IBlobStore
{
    BlobWriter Create();

    /// <summary>Opens a committed blob for reading; throws <see cref="FileNotFoundException"/> when it is gone.</summary>
    Stream OpenRead(string blobId);

    long Length(string blobId);

    bool Exists(string blobId);

    void Delete(string blobId);

    ValueTask ClearAsync();
}

/// <summary>A blob being written. Dispose without committing discards it.</summary>
public abstract class BlobWriter : Stream
{
    public abstract string BlobId { get; }

    /// <summary>Makes the blob visible under <see cref="BlobId"/>.</summary>
    public abstract ValueTask CommitAsync(CancellationToken cancellationToken = default);

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Position { get => Length; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    internal static string NewId() => Guid.NewGuid().ToString("N");

    internal static bool IsValidId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);
}
