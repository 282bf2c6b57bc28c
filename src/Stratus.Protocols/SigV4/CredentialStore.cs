namespace Stratus.Protocols.SigV4;

/// <summary>The access keys Stratus accepts in strict mode, from an AWS credentials file or the environment.</summary>
public sealed class CredentialStore
{
    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);

    public int Count => _secrets.Count;

    public void Add(string accessKeyId, string secretKey) => _secrets[accessKeyId] = secretKey;

    public string? SecretFor(string accessKeyId) => _secrets.TryGetValue(accessKeyId, out var s) ? s : null;

    /// <summary>Reads every profile of an AWS shared-credentials (INI) file.</summary>
    public void LoadIni(string path)
    {
        string? key = null;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                key = null;
                continue;
            }
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0) continue;
            var name = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim();
            if (name == "aws_access_key_id") key = value;
            else if (name == "aws_secret_access_key" && key is not null) Add(key, value);
        }
    }

    /// <summary>STRATUS_ACCESS_KEY_ID / STRATUS_SECRET_ACCESS_KEY, else AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.</summary>
    public void LoadEnvironment()
    {
        foreach (var prefix in new[] { "STRATUS", "AWS" })
        {
            var id = Environment.GetEnvironmentVariable(prefix + "_ACCESS_KEY_ID");
            var secret = Environment.GetEnvironmentVariable(prefix + "_SECRET_ACCESS_KEY");
            if (!string.IsNullOrEmpty(id) && !string.IsNullOrEmpty(secret)) Add(id, secret);
        }
    }
}
