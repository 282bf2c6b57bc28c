using System.CommandLine;
using Stratus.Server;

namespace Stratus.Cli;

/// <summary><c>stratus coverage</c>: prints docs/coverage.md from the services this build serves.</summary>
internal static class CoverageCommand
{
    public static Command Create()
    {
        var command = new Command("coverage", "Print the coverage table (docs/coverage.md) of this build.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var server = await StratusServer.StartAsync(new StratusServerOptions { Port = 0, Ephemeral = true, LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning }, cancellationToken).ConfigureAwait(false);
            Console.Write(CoverageReport.Render(server.Services));
            return 0;
        });
        return command;
    }
}
