using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Stratus.Tests.Support;

/// <summary>The real `stratus` executable in its own process, for restart and kill -9 tests.</summary>
public sealed class StratusProcess : IAsyncDisposable
{
    private readonly Process _process;

    private StratusProcess(Process process, Uri endpoint, string output)
    {
        _process = process;
        Endpoint = endpoint;
        ReadyLine = output;
    }

    public Uri Endpoint { get; }
    public string ReadyLine { get; }
    public int Id => _process.Id;

    public static async Task<StratusProcess> StartAsync(string dataDirectory, int? port = null, params string[] extra)
    {
        var chosen = port ?? FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "stratus.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "up", "--no-apps", "--port", chosen.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", dataDirectory }.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains(" ready on ", StringComparison.Ordinal) == true) ready.TrySetResult(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (errors) errors.AppendLine(e.Data);
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"stratus exited with {process.ExitCode}: {errors}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var line = await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return new StratusProcess(process, new Uri($"http://127.0.0.1:{chosen}"), line);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then wait for a clean exit.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }
}
