using Stratus.Storage;
using Xunit;

namespace Stratus.Tests.Storage;

public sealed class StorageTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "stratus-storage-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task SqliteStoreCommitsAtomicallyAndScansInKeyOrder()
    {
        await using (var storage = StratusStorage.OnDisk(_directory))
        {
            var writes = Enumerable.Range(0, 50).Select(i => storage.Metadata.CommitAsync(WriteBatch.Of("c", $"k/{i:D3}", [(byte)i])).AsTask());
            await Task.WhenAll(writes);
            await storage.Metadata.CommitAsync(new WriteBatch().Delete("c", "k/000").Put("c", "k/050", [50]).DeletePrefix("c", "k/01"));
        }
        await using (var reopened = StratusStorage.OnDisk(_directory))
        {
            var keys = reopened.Metadata.Scan("c", "k/").Select(p => p.Key).ToList();
            Assert.Equal(40, keys.Count);
            Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
            Assert.DoesNotContain("k/000", keys);
            Assert.DoesNotContain("k/015", keys);
            Assert.Equal([50], reopened.Metadata.Get("c", "k/050"));
        }
    }

    [Fact]
    public async Task ADirectoryIsUsedByOneServerAtATime()
    {
        await using var first = StratusStorage.OnDisk(_directory);
        var error = Assert.Throws<StorageException>(() => StratusStorage.OnDisk(_directory));
        Assert.Contains("in use", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANewerFormatIsRefusedAndLeftUntouched()
    {
        Directory.CreateDirectory(_directory);
        var format = Path.Combine(_directory, "stratus.json");
        File.WriteAllText(format, "{\"format\":99}");
        var error = Assert.Throws<StorageException>(() => StratusStorage.OnDisk(_directory));
        Assert.Contains("newer Stratus", error.Message, StringComparison.Ordinal);
        Assert.Equal("{\"format\":99}", File.ReadAllText(format));
    }

    [Fact]
    public void AForeignDirectoryIsRefused()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "notes.txt"), "mine");
        Assert.Throws<StorageException>(() => StratusStorage.OnDisk(_directory));
    }

    [Fact]
    public async Task BlobsAppearOnlyWhenCommitted()
    {
        var blobs = new FileBlobStore(Path.Combine(_directory, "blobs"));
        string abandoned;
        await using (var writer = blobs.Create())
        {
            abandoned = writer.BlobId;
            await writer.WriteAsync(new byte[1000]);
        }
        Assert.False(blobs.Exists(abandoned));
        await using var committed = blobs.Create();
        await committed.WriteAsync(new byte[] { 1, 2, 3 });
        await committed.CommitAsync();
        Assert.True(blobs.Exists(committed.BlobId));
        Assert.Equal(3, blobs.Length(committed.BlobId));
        Assert.Throws<FileNotFoundException>(() => blobs.OpenRead("../../etc/passwd"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
