using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Stratus.Protocols.SigV4;
using Stratus.Server;
using Stratus.Storage;

namespace Stratus.Cli;

/// <summary><c>stratus up</c>: serve every service on one endpoint until SIGINT or SIGTERM.</summary>
internal static class UpCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port to listen on.", DefaultValueFactory = _ => 4566 };
        var host = new Option<string>("--host") { Description = "Address to bind (127.0.0.1, 0.0.0.0, localhost).", DefaultValueFactory = _ => "127.0.0.1" };
        var dataDir = new Option<string>("--data-dir") { Description = "Where state is kept.", DefaultValueFactory = _ => ".stratus" };
        var ephemeral = new Option<bool>("--ephemeral") { Description = "Keep everything in memory; nothing survives the process." };
        var noApps = new Option<bool>("--no-apps") { Description = "Do not deploy the reference systems under apps/." };
        var account = new Option<string>("--account") { Description = "Default account id.", DefaultValueFactory = _ => "000000000000" };
        var region = new Option<string>("--region") { Description = "Default region.", DefaultValueFactory = _ => "us-east-1" };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Trace, Debug, Information, Warning, Error.", DefaultValueFactory = _ => LogLevel.Information };
        var auth = new Option<AuthMode>("--auth") { Description = "Permissive (any credentials) or Strict (verify SigV4).", DefaultValueFactory = _ => AuthMode.Permissive };
        var credentials = new Option<string?>("--credentials-file") { Description = "AWS credentials file with the keys accepted under --auth strict." };
        var command = new Command("up", "Start Stratus and serve until interrupted.")
        {
            port, host, dataDir, ephemeral, noApps, account, region, logLevel, auth, credentials,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new StratusServerOptions
            {
                Port = result.GetValue(port),
                Host = result.GetValue(host)!,
                DataDirectory = result.GetValue(dataDir)!,
                Ephemeral = result.GetValue(ephemeral),
                AccountId = result.GetValue(account)!,
                Region = result.GetValue(region)!,
                LogLevel = result.GetValue(logLevel),
                Auth = result.GetValue(auth),
                CredentialsFile = result.GetValue(credentials),
            };
            return await RunAsync(options, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(StratusServerOptions options, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        StratusServer server;
        try
        {
            server = await StratusServer.StartAsync(options, stop.Token).ConfigureAwait(false);
        }
        catch (StorageException e)
        {
            await Console.Error.WriteLineAsync("stratus: " + e.Message).ConfigureAwait(false);
            return 2;
        }
        catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"stratus: cannot listen on {options.Host}:{options.Port}: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        await using (server.ConfigureAwait(false))
        {
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var storage = options.Ephemeral ? "in memory" : "data in " + Path.GetFullPath(options.DataDirectory);
            Console.WriteLine($"Stratus {StratusVersion.Text} ready on {server.Endpoint} ({storage}; started in {elapsed:F0} ms)");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            Console.WriteLine("Stratus stopping");
        }
        return 0;
    }
}

internal static class StratusVersion
{
    public static string Text { get; } = typeof(StratusServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
