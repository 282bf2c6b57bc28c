using Microsoft.Extensions.Logging;
using Stratus.Protocols.SigV4;

namespace Stratus.Server;

/// <summary>How a <see cref="StratusServer"/> listens, where it keeps state and whom it trusts.</summary>
public sealed class StratusServerOptions
{
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>0 picks a free port (tests).</summary>
    public int Port { get; set; } = 4566;

    public string DataDirectory { get; set; } = ".stratus";

    /// <summary>Keep everything in memory; nothing survives the process.</summary>
    public bool Ephemeral { get; set; }

    public string AccountId { get; set; } = "000000000000";

    public string Region { get; set; } = "us-east-1";

    public AuthMode Auth { get; set; } = AuthMode.Permissive;

    /// <summary>An AWS shared-credentials file with the keys accepted under <see cref="AuthMode.Strict"/>.</summary>
    public string? CredentialsFile { get; set; }

    public LogLevel LogLevel { get; set; } = LogLevel.Information;

    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Where logs go; the CLI's console logger by default, tests may capture them.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
