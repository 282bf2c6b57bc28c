namespace Stratus.Storage;

/// <summary>
/// Durable key/value records grouped in collections, ordered by key (ordinal, i.e. UTF-8 byte order).
/// Services keep their working state in memory and write through this store; a committed batch survives a
/// process kill and is applied atomically.
/// </summary>
public interface IMetadataStore : IAsyncDisposable
{
    /// <summary>Every record of a collection whose key starts with <paramref name="prefix"/>, in key order.</summary>
    IReadOnlyList<KeyValuePair<string, byte[]>> Scan(string collection, string prefix = "");

    byte[]? Get(string collection, string key);

    /// <summary>Applies the batch atomically; completes once it is durable.</summary>
    ValueTask CommitAsync(WriteBatch batch);

    /// <summary>Removes every record of every collection.</summary>
    ValueTask ClearAsync();
}

/// <summary>A set of writes applied together.</summary>
public sealed class WriteBatch
{
    internal readonly List<WriteOp> Ops = [];

    public int Count => Ops.Count;

    public WriteBatch Put(string collection, string key, byte[] value)
    {
        Ops.Add(new WriteOp(WriteKind.Put, collection, key, value));
        return this;
    }

    public WriteBatch Delete(string collection, string key)
    {
        Ops.Add(new WriteOp(WriteKind.Delete, collection, key, null));
        return this;
    }

    public WriteBatch DeletePrefix(string collection, string prefix)
    {
        Ops.Add(new WriteOp(WriteKind.DeletePrefix, collection, prefix, null));
        return this;
    }

    public static WriteBatch Of(string collection, string key, byte[] value) => new WriteBatch().Put(collection, key, value);
}

internal enum WriteKind
{
    Put,
    Delete,
    DeletePrefix,
}

internal readonly record struct WriteOp(WriteKind Kind, string Collection, string Key, byte[]? Value);
