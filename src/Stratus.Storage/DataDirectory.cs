using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stratus.Storage;

/// <summary>
/// The data directory: its format version (a directory written by an older build is migrated; one written by a
/// newer build is refused, never rewritten) and an exclusive lock so two servers never share it.
/// </summary>
public sealed class DataDirectory : IDisposable
{
    /// <summary>The format this build writes. Bump it with a migration step in <see cref="Migrations"/>.</summary>
    public const int CurrentFormat = 1;

    private const string FormatFile = "stratus.json";
    private readonly FileStream _lock;

    // Steps that bring a directory from format N-1 to N, indexed by N. Format 1 is the first.
    private static readonly Dictionary<int, Action<string>> Migrations = new();

    private DataDirectory(string path, FileStream lockFile)
    {
        Path = path;
        _lock = lockFile;
    }

    public string Path { get; }

    public static DataDirectory Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(full);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(System.IO.Path.Combine(full, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new StorageException($"The data directory {full} is in use by another Stratus process.");
        }
        try
        {
            EnsureFormat(full);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
        return new DataDirectory(full, lockFile);
    }

    private static void EnsureFormat(string dir)
    {
        var file = System.IO.Path.Combine(dir, FormatFile);
        if (!File.Exists(file))
        {
            var existing = Directory.EnumerateFileSystemEntries(dir).Where(e => System.IO.Path.GetFileName(e) != ".lock");
            if (existing.Any())
            {
                throw new StorageException($"{dir} is not empty and has no {FormatFile}: it is not a Stratus data directory. Choose another --data-dir.");
            }
            WriteFormat(file, CurrentFormat);
            return;
        }
        var format = ReadFormat(file);
        if (format > CurrentFormat)
        {
            throw new StorageException(
                $"The data directory {dir} was written by a newer Stratus (format {format}); this build reads format {CurrentFormat} and older. Upgrade Stratus or use another --data-dir.");
        }
        for (var next = format + 1; next <= CurrentFormat; next++)
        {
            if (!Migrations.TryGetValue(next, out var migrate))
            {
                throw new StorageException($"No migration from data format {next - 1} to {next}.");
            }
            migrate(dir);
            WriteFormat(file, next);
        }
    }

    private static int ReadFormat(string file)
    {
        try
        {
            return (int?)JsonNode.Parse(File.ReadAllText(file))?["format"] ?? throw new StorageException($"{file} has no format number.");
        }
        catch (JsonException)
        {
            throw new StorageException($"{file} is not valid JSON; the data directory may be damaged.");
        }
    }

    private static void WriteFormat(string file, int format)
    {
        var temp = file + ".tmp";
        File.WriteAllText(temp, new JsonObject { ["format"] = format, ["writtenBy"] = typeof(DataDirectory).Assembly.GetName().Version?.ToString() }.ToJsonString());
        File.Move(temp, file, overwrite: true);
    }

    public void Dispose() => _lock.Dispose();
}

public sealed class StorageException : Exception
{
    public StorageException(string message) : base(message)
    {
    }

    public StorageException()
    {
    }

    public StorageException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
