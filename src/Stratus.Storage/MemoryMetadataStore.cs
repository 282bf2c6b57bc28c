namespace Stratus.Storage;

/// <summary>The in-memory twin of <see cref="SqliteMetadataStore"/> for --ephemeral and tests.</summary>
public sealed class MemoryMetadataStore : IMetadataStore
{
    private readonly Dictionary<string, SortedDictionary<string, byte[]>> _collections = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public IReadOnlyList<KeyValuePair<string, byte[]>> Scan(string collection, string prefix = "")
    {
        lock (_lock)
        {
            if (!_collections.TryGetValue(collection, out var records)) return [];
            return records.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        }
    }

    public byte[]? Get(string collection, string key)
    {
        lock (_lock)
        {
            return _collections.TryGetValue(collection, out var records) && records.TryGetValue(key, out var v) ? v : null;
        }
    }

    public ValueTask CommitAsync(WriteBatch batch)
    {
        lock (_lock)
        {
            foreach (var op in batch.Ops) Apply(op);
        }
        return ValueTask.CompletedTask;
    }

    private void Apply(WriteOp op)
    {
        if (!_collections.TryGetValue(op.Collection, out var records))
        {
            if (op.Kind != WriteKind.Put) return;
            records = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            _collections[op.Collection] = records;
        }
        switch (op.Kind)
        {
            case WriteKind.Put:
                records[op.Key] = op.Value!;
                break;
            case WriteKind.Delete:
                records.Remove(op.Key);
                break;
            case WriteKind.DeletePrefix:
                foreach (var key in records.Keys.Where(k => k.StartsWith(op.Key, StringComparison.Ordinal)).ToList()) records.Remove(key);
                break;
        }
    }

    public ValueTask ClearAsync()
    {
        lock (_lock) _collections.Clear();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
