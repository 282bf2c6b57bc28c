using Stratus.Lambda.Runtime;
using Xunit;

namespace Stratus.Lambda.Tests;

public sealed class ConsoleLogWriterTests
{
    [Fact]
    public void ConsoleTextBecomesOneStampedLinePerLine()
    {
        var output = new StringWriter();
        var logger = new LambdaConsoleLogger(output, new LambdaEnvironment(), TimeProvider.System) { RequestId = "req-c" };
        using var console = new ConsoleLogWriter(logger, LambdaLogLevel.Error);

        console.Write("partial ");
        console.Write('a');
        console.WriteLine("nd done");
        console.Write("two\r\nlines\n");
        console.Write("unterminated");
        Assert.Equal(3, output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
        console.Flush();

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line[(line.IndexOf('\t', StringComparison.Ordinal) + 1)..])
            .ToArray();
        Assert.Equal(["req-c\tfail\tpartial and done", "req-c\tfail\ttwo", "req-c\tfail\tlines", "req-c\tfail\tunterminated"], lines);
    }
}
