using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Stratus.Storage;

/// <summary>
/// The durable metadata store: one SQLite database in WAL mode. Writes from all callers funnel into a single
/// writer that commits whatever has queued up in one transaction (group commit), so many concurrent small
/// writes cost one commit. With WAL and synchronous=NORMAL a committed transaction survives a process kill.
/// The writer runs on its own thread (no thread-pool hop per commit), and checkpoints - the only step that
/// fsyncs - run on another connection in the background instead of stalling a commit.
/// </summary>
public sealed class SqliteMetadataStore : IMetadataStore
{
    private const string MaxChar = "\U0010FFFF";
    private readonly string _connectionString;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _writer;
    private readonly Thread _writerThread;
    private readonly TaskCompletionSource _writerDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _checkpointLoop;
    private readonly CancellationTokenSource _stopping = new();
    private long _commits;

    public SqliteMetadataStore(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, Cache = SqliteCacheMode.Private }.ToString();
        _writer = Open();
        Execute(_writer, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;");
        Execute(_writer, "CREATE TABLE IF NOT EXISTS kv (c TEXT NOT NULL, k TEXT NOT NULL, v BLOB NOT NULL, PRIMARY KEY (c, k)) WITHOUT ROWID;");
        _writerThread = new Thread(WriteLoop) { IsBackground = true, Name = "stratus-store-writer" };
        _writerThread.Start();
        _checkpointLoop = Task.Run(CheckpointLoopAsync);
    }

    /// <summary>Copies the WAL into the database now and then, off the commit path (PASSIVE never blocks the writer).</summary>
    private async Task CheckpointLoopAsync()
    {
        using var connection = Open();
        var checkpointed = 0L;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                var commits = Interlocked.Read(ref _commits);
                if (commits == checkpointed) continue;
                Execute(connection, "PRAGMA wal_checkpoint(PASSIVE);");
                checkpointed = commits;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<KeyValuePair<string, byte[]>> Scan(string collection, string prefix = "")
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT k, v FROM kv WHERE c = $c AND k >= $p AND k < $u ORDER BY k";
        command.Parameters.AddWithValue("$c", collection);
        command.Parameters.AddWithValue("$p", prefix);
        command.Parameters.AddWithValue("$u", prefix + MaxChar);
        using var reader = command.ExecuteReader();
        var result = new List<KeyValuePair<string, byte[]>>();
        while (reader.Read()) result.Add(KeyValuePair.Create(reader.GetString(0), (byte[])reader.GetValue(1)));
        return result;
    }

    public byte[]? Get(string collection, string key)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT v FROM kv WHERE c = $c AND k = $k";
        command.Parameters.AddWithValue("$c", collection);
        command.Parameters.AddWithValue("$k", key);
        return command.ExecuteScalar() as byte[];
    }

    public ValueTask CommitAsync(WriteBatch batch)
    {
        if (batch.Count == 0) return ValueTask.CompletedTask;
        var pending = new Pending(batch.Ops.ToArray(), clear: false);
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(SqliteMetadataStore));
        return new ValueTask(pending.Done.Task);
    }

    public ValueTask ClearAsync()
    {
        var pending = new Pending([], clear: true);
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(SqliteMetadataStore));
        return new ValueTask(pending.Done.Task);
    }

    private void WriteLoop()
    {
        try
        {
            WriteUntilCompleted();
            _writerDone.TrySetResult();
        }
        catch (Exception e)
        {
            _writerDone.TrySetException(e);
        }
    }

    private void WriteUntilCompleted()
    {
        var batch = new List<Pending>();
        using var put = Prepare("INSERT INTO kv (c, k, v) VALUES ($c, $k, $v) ON CONFLICT (c, k) DO UPDATE SET v = excluded.v", "$c", "$k", "$v");
        using var delete = Prepare("DELETE FROM kv WHERE c = $c AND k = $k", "$c", "$k");
        using var deletePrefix = Prepare("DELETE FROM kv WHERE c = $c AND k >= $p AND k < $u", "$c", "$p", "$u");
        using var clear = Prepare("DELETE FROM kv");
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            while (batch.Count < 512 && _queue.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                using (var transaction = _writer.BeginTransaction())
                {
                    put.Transaction = delete.Transaction = deletePrefix.Transaction = clear.Transaction = transaction;
                    foreach (var pending in batch)
                    {
                        if (pending.Clear) clear.ExecuteNonQuery();
                        foreach (var op in pending.Ops) Apply(op, put, delete, deletePrefix);
                    }
                    transaction.Commit();
                }
                Interlocked.Increment(ref _commits);
                foreach (var pending in batch) pending.Done.TrySetResult();
            }
            catch (Exception e)
            {
                foreach (var pending in batch) pending.Done.TrySetException(e);
            }
        }
    }

    private static void Apply(WriteOp op, SqliteCommand put, SqliteCommand delete, SqliteCommand deletePrefix)
    {
        switch (op.Kind)
        {
            case WriteKind.Put:
                Run(put, op.Collection, op.Key, op.Value!);
                break;
            case WriteKind.Delete:
                Run(delete, op.Collection, op.Key);
                break;
            case WriteKind.DeletePrefix:
                Run(deletePrefix, op.Collection, op.Key, op.Key + MaxChar);
                break;
        }
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var command = _writer.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writerDone.Task.ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _checkpointLoop.ConfigureAwait(false);
        Execute(_writer, "PRAGMA wal_checkpoint(TRUNCATE);");
        await _writer.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private sealed class Pending(WriteOp[] ops, bool clear)
    {
        public WriteOp[] Ops { get; } = ops;
        public bool Clear { get; } = clear;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
