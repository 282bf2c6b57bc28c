using System.Text;

namespace Stratus.Lambda.Runtime;

/// <summary>
/// Stands in for Console.Out/Console.Error while a runtime owns stdout, so that a handler's Console.WriteLine comes out
/// as a log line stamped with time, request id and level, as AWS's .NET runtime formats it. Text is collected until a
/// line ends (or Flush), then written through the logger in one piece.
/// </summary>
internal sealed class ConsoleLogWriter(ILambdaLogger logger, LambdaLogLevel level) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            EmitLine();
        }
        else if (value != '\r')
        {
            _line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var start = 0;
        int newline;
        while ((newline = value.IndexOf('\n', start)) >= 0)
        {
            _line.Append(value, start, newline - start);
            EmitLine();
            start = newline + 1;
        }

        _line.Append(value, start, value.Length - start);
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        EmitLine();
    }

    public override void Flush()
    {
        if (_line.Length > 0)
        {
            EmitLine();
        }
    }

    private void EmitLine()
    {
        var text = _line.ToString().TrimEnd('\r');
        _line.Clear();
        logger.Log(level, text);
    }
}
