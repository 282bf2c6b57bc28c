using System.CommandLine;

namespace Stratus.Cli;

/// <summary><c>stratus status</c>: asks a running Stratus for its health.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var endpoint = new Option<string>("--endpoint") { Description = "The Stratus endpoint.", DefaultValueFactory = _ => "http://127.0.0.1:4566" };
        var command = new Command("status", "Show the health of a running Stratus.") { endpoint };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                var body = await http.GetStringAsync(new Uri(new Uri(result.GetValue(endpoint)!), "/_stratus/health"), cancellationToken).ConfigureAwait(false);
                Console.WriteLine(body);
                return 0;
            }
            catch (HttpRequestException e)
            {
                await Console.Error.WriteLineAsync($"stratus: no Stratus answers at {result.GetValue(endpoint)}: {e.Message}").ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }
}
