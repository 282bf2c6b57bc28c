namespace Stratus.Lambda.Runtime;

/// <summary>
/// One growable byte array the loop reuses for every event payload: invocations are sequential, so a warm
/// function allocates nothing per event for its input.
/// </summary>
internal sealed class PayloadBuffer
{
    // Lambda caps synchronous payloads at 6 MB; anything far beyond that is a broken peer, not an event.
    private const int MaxPayloadBytes = 32 * 1024 * 1024;
    private byte[] _buffer = new byte[16 * 1024];

    public int Length { get; private set; }

    public byte[] Array => _buffer;

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    public async Task ReadFromAsync(Stream source, long? contentLength, CancellationToken cancellationToken)
    {
        Length = 0;
        if (contentLength is > MaxPayloadBytes)
        {
            throw new InvalidDataException($"The event payload of {contentLength} bytes exceeds {MaxPayloadBytes} bytes.");
        }

        if (contentLength is { } known && known > _buffer.Length)
        {
            _buffer = new byte[known];
        }

        while (true)
        {
            if (Length == _buffer.Length)
            {
                Grow();
            }

            var read = await source.ReadAsync(_buffer.AsMemory(Length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            Length += read;
        }
    }

    private void Grow()
    {
        if (_buffer.Length >= MaxPayloadBytes)
        {
            throw new InvalidDataException($"The event payload exceeds {MaxPayloadBytes} bytes.");
        }

        var larger = new byte[Math.Min((long)_buffer.Length * 2, MaxPayloadBytes)];
        _buffer.AsSpan(0, Length).CopyTo(larger);
        _buffer = larger;
    }
}
