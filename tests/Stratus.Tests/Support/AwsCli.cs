using System.Diagnostics;

namespace Stratus.Tests.Support;

/// <summary>Runs a real command-line client (the AWS CLIs) against a Stratus endpoint.</summary>
public static class AwsCli
{
    /// <summary>Debian's AWS CLI v2.9, which speaks SQS's query protocol; .ci/run installs it.</summary>
    public const string AwsV2 = "/usr/bin/aws";

    /// <summary>The machine Python's AWS CLI v1 (JSON protocol for SQS).</summary>
    public const string AwsV1 = "aws";

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> RunAsync(string program, Uri endpoint, params string[] args)
    {
        if (program == AwsV2 && !File.Exists(AwsV2))
        {
            throw new InvalidOperationException("Debian's AWS CLI v2 is missing: run `apt-get install -y awscli` (.ci/run does).");
        }
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(endpoint.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add("json");
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "secret";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_PAGER"] = "";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
