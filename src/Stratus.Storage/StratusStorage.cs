namespace Stratus.Storage;

/// <summary>The metadata store and blob store of one server, durable on disk or in memory.</summary>
public sealed class StratusStorage : IAsyncDisposable
{
    private readonly DataDirectory? _directory;

    private StratusStorage(IMetadataStore metadata, IBlobStore blobs, DataDirectory? directory)
    {
        Metadata = metadata;
        Blobs = blobs;
        _directory = directory;
    }

    public IMetadataStore Metadata { get; }
    public IBlobStore Blobs { get; }
    public bool IsDurable => _directory is not null;
    public string? DataPath => _directory?.Path;

    public static StratusStorage InMemory() => new(new MemoryMetadataStore(), new MemoryBlobStore(), null);

    public static StratusStorage OnDisk(string path)
    {
        var directory = DataDirectory.Open(path);
        try
        {
            var metadata = new SqliteMetadataStore(System.IO.Path.Combine(directory.Path, "metadata.db"));
            var blobs = new FileBlobStore(System.IO.Path.Combine(directory.Path, "blobs"));
            return new StratusStorage(metadata, blobs, directory);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public async ValueTask ClearAsync()
    {
        await Metadata.ClearAsync().ConfigureAwait(false);
        await Blobs.ClearAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await Metadata.DisposeAsync().ConfigureAwait(false);
        _directory?.Dispose();
    }
}
