using System.Text;

namespace Jobs.Core;

/// <summary>One CSV record and the line it starts on (1-based, counting the header as line 1).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// A streaming RFC 4180 reader: fields separated by commas, optionally quoted; inside quotes, commas, line breaks
/// and doubled quotes ("") are data. Accepts CRLF or LF line endings and a UTF-8 BOM; a trailing line break does
/// not make an empty record, and blank lines are skipped. Reads one record at a time, never the whole input.
/// </summary>
public sealed class CsvRecordReader
{
    private readonly TextReader _reader;
    private readonly StringBuilder _field = new();
    private int _line = 1;

    public CsvRecordReader(TextReader reader) => _reader = reader;

    /// <summary>Reads the next record, or null at the end of the input.</summary>
    public async ValueTask<CsvRecord?> ReadAsync(CancellationToken cancellationToken = default)
    {
        // TextReader has no async char-at-a-time API; ReadAsync into a buffer keeps I/O async.
        while (true)
        {
            var record = await ReadRecordAsync(cancellationToken).ConfigureAwait(false);
            if (record is null) return null;
            if (record.Fields.Count == 1 && record.Fields[0].Length == 0) continue;
            return record;
        }
    }

    private readonly char[] _buffer = new char[16 * 1024];
    private int _position;
    private int _length;

    private async ValueTask<int> NextAsync(CancellationToken cancellationToken)
    {
        if (_position == _length)
        {
            _length = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            _position = 0;
            if (_length == 0) return -1;
        }
        return _buffer[_position++];
    }

    private async ValueTask<int> PeekAsync(CancellationToken cancellationToken)
    {
        if (_position == _length)
        {
            _length = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            _position = 0;
            if (_length == 0) return -1;
        }
        return _buffer[_position];
    }

    private async ValueTask<CsvRecord?> ReadRecordAsync(CancellationToken cancellationToken)
    {
        var startLine = _line;
        var fields = new List<string>();
        var quoted = false;
        var sawAnything = false;
        _field.Clear();
        while (true)
        {
            var c = await NextAsync(cancellationToken).ConfigureAwait(false);
            if (c == -1)
            {
                if (quoted) throw new CsvFormatException(startLine, "a quoted field is not closed before the end of the file");
                if (!sawAnything) return null;
                fields.Add(_field.ToString());
                return new CsvRecord(startLine, fields);
            }
            sawAnything = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (await PeekAsync(cancellationToken).ConfigureAwait(false) == '"')
                    {
                        _position++;
                        _field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n') _line++;
                    _field.Append((char)c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when _field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    break;
                case '\r' when await PeekAsync(cancellationToken).ConfigureAwait(false) == '\n':
                    break;
                case '\n':
                case '\r':
                    _line++;
                    fields.Add(_field.ToString());
                    return new CsvRecord(startLine, fields);
                default:
                    _field.Append((char)c);
                    break;
            }
        }
    }
}

public sealed class CsvFormatException : Exception
{
    public CsvFormatException(int line, string message) : base($"line {line}: {message}") => Line = line;

    public CsvFormatException()
    {
    }

    public CsvFormatException(string message) : base(message)
    {
    }

    public CsvFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public int Line { get; }
}
