using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Stratus.CloudFormation.Tests.Sam;

/// <summary>
/// Runs AWS's SAM translator (aws-sam-translator, installed in the machine's Python) on a template file and returns
/// the CloudFormation it expands to. The managed-policy loader is a stub answering nothing, so managed policy names
/// resolve through the translator's bundled list only — the same data Stratus embeds. Missing python3 or
/// samtranslator fails the test with a message saying so: the comparison is the point of these tests.
/// </summary>
internal static class SamOracle
{
    private const string Script = """
        import json, sys
        try:
            from samtranslator.translator.transform import transform
            from samtranslator.yaml_helper import yaml_parse
            from samtranslator.model.exceptions import InvalidDocumentException
        except ImportError as error:
            sys.stderr.write("aws-sam-translator is not importable: %s\n" % error)
            sys.exit(3)
        class NoManagedPolicies:
            def load(self):
                return {}
        with open(sys.argv[1]) as source:
            template = yaml_parse(source.read())
        if len(sys.argv) > 2 and sys.argv[2] == "parse":
            print(json.dumps({"parsed": template}))
            sys.exit(0)
        try:
            print(json.dumps({"template": transform(template, {}, NoManagedPolicies())}))
        except InvalidDocumentException as error:
            print(json.dumps({"error": " ".join([error.message] + [cause.message for cause in error.causes])}))
        """;

    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(60);

    /// <summary>The expanded template; fails when the translator rejects the template.</summary>
    public static async Task<JsonObject> TransformAsync(string templatePath)
    {
        var answer = await RunAsync(templatePath);
        return answer["template"] as JsonObject
            ?? throw new InvalidOperationException($"The SAM translator rejected {Path.GetFileName(templatePath)}: {answer["error"]}");
    }

    /// <summary>The translator's error message for a template it rejects (null when it accepts it).</summary>
    public static async Task<string?> ErrorAsync(string templatePath) => (await RunAsync(templatePath))["error"]?.GetValue<string>();

    /// <summary>The template as the translator's YAML loader (PyYAML with CloudFormation's tags) reads it.</summary>
    public static async Task<JsonObject> ParseAsync(string templatePath) =>
        (JsonObject)(await RunAsync(templatePath, "parse"))["parsed"]!.DeepClone();

    private static async Task<JsonObject> RunAsync(string templatePath, string? mode = null)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(templatePath);
        if (mode is not null)
        {
            start.ArgumentList.Add(mode);
        }
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "The SAM oracle needs python3 with aws-sam-translator (the machine Python has it); python3 could not be started: " + e.Message, e);
        }
        using (process)
        {
            using var cancel = new CancellationTokenSource(_timeout);
            var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
            var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
            await process.WaitForExitAsync(cancel.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"The SAM oracle (python3 + aws-sam-translator) failed on {Path.GetFileName(templatePath)} with exit code {process.ExitCode}: {await stderr}");
            }
            return JsonNode.Parse(await stdout) as JsonObject
                ?? throw new InvalidOperationException("The SAM oracle printed something that is not a template");
        }
    }
}
