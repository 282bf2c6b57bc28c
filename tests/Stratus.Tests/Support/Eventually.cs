using System.Diagnostics;

namespace Stratus.Tests.Support;

/// <summary>Polls a condition until it holds or a deadline passes: how tests wait for asynchronous effects.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((timeout ?? TimeSpan.FromSeconds(10)).TotalSeconds * Stopwatch.Frequency);
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (Stopwatch.GetTimestamp() > deadline) throw new TimeoutException($"timed out waiting for {what ?? "condition"}; last value: {value}");
            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }
    }

    public static Task AssertAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? what = null) =>
        GetAsync(condition, ok => ok, timeout, what);
}
