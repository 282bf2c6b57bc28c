namespace Stratus.Storage;

/// <summary>Blobs as files under <c>blobs/</c>, written to <c>blobs/tmp/</c> and renamed into place on commit.</summary>
public sealed class FileBlobStore : IBlobStore
{
    private readonly string _root;
    private readonly string _temp;

    public FileBlobStore(string root)
    {
        _root = root;
        _temp = Path.Combine(root, "tmp");
        Directory.CreateDirectory(_temp);
        // Anything left in tmp was never committed: a crash interrupted it.
        foreach (var stale in Directory.EnumerateFiles(_temp)) File.Delete(stale);
    }

    public BlobWriter Create() => new FileBlobWriter(this, BlobWriter.NewId());

    public Stream OpenRead(string blobId) =>
        new FileStream(PathOf(blobId), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024,
            FileOptions.Asynchronous | FileOptions.SequentialScan);

    public long Length(string blobId) => new FileInfo(PathOf(blobId)).Length;

    public bool Exists(string blobId) => BlobWriter.IsValidId(blobId) && File.Exists(PathOf(blobId));

    public void Delete(string blobId)
    {
        if (BlobWriter.IsValidId(blobId)) File.Delete(PathOf(blobId));
    }

    public ValueTask ClearAsync()
    {
        foreach (var dir in Directory.EnumerateDirectories(_root))
        {
            if (dir != _temp) Directory.Delete(dir, recursive: true);
        }
        return ValueTask.CompletedTask;
    }

    private string PathOf(string blobId)
    {
        if (!BlobWriter.IsValidId(blobId)) throw new FileNotFoundException("no such blob", blobId);
        return Path.Combine(_root, blobId[..2], blobId);
    }

    private sealed class FileBlobWriter : BlobWriter
    {
        private readonly FileBlobStore _store;
        private readonly string _tempPath;
        private readonly FileStream _file;
        private bool _committed;

        public FileBlobWriter(FileBlobStore store, string id)
        {
            _store = store;
            BlobId = id;
            _tempPath = Path.Combine(store._temp, id);
            _file = new FileStream(_tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        }

        public override string BlobId { get; }
        public override long Length => _file.Length;

        public override void Write(byte[] buffer, int offset, int count) => _file.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => _file.Write(buffer);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _file.WriteAsync(buffer, cancellationToken);
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _file.WriteAsync(buffer, offset, count, cancellationToken);
        public override void Flush() => _file.Flush();

        public override async ValueTask CommitAsync(CancellationToken cancellationToken = default)
        {
            await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
            await _file.DisposeAsync().ConfigureAwait(false);
            var final = _store.PathOf(BlobId);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            File.Move(_tempPath, final);
            _committed = true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _file.Dispose();
                if (!_committed) File.Delete(_tempPath);
            }
            base.Dispose(disposing);
        }
    }
}
