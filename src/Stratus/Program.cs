using System.CommandLine;
using Stratus.Cli;

var root = new RootCommand("Stratus: the AWS serverless cloud on one machine.");
root.Subcommands.Add(UpCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(CoverageCommand.Create());
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
