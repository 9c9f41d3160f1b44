using System.Buffers;

namespace AltseasonLive.Api.Ingestion;

/// <summary>A request body or WebSocket message read into a pooled buffer, up to a byte limit. Dispose returns the buffer.</summary>
public sealed class LimitedBody : IDisposable
{
    private readonly bool _poolGrowth;
    private byte[] _buffer;
    private bool _pooled = true;

    private LimitedBody(int initialSize, bool poolGrowth = true)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(initialSize);
        _poolGrowth = poolGrowth;
    }

    public int Length { get; private set; }

    /// <summary>True when the source held more than the limit; the content is then incomplete and must not be used.</summary>
    public bool TooLarge { get; private set; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public static async Task<LimitedBody> ReadAsync(Stream source, long limit, long? expectedLength, CancellationToken ct)
    {
        var body = new LimitedBody((int)Math.Clamp(expectedLength ?? 16 * 1024, 1024, Math.Min(limit + 1, 1024 * 1024)));
        try
        {
            while (true)
            {
                body.EnsureSpace();
                var read = await source.ReadAsync(body._buffer.AsMemory(body.Length), ct);
                if (read == 0)
                {
                    return body;
                }

                body.Length += read;
                if (body.Length > limit)
                {
                    body.TooLarge = true;
                    return body;
                }
            }
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>Room for at least one more read at the end of the buffer (grows it when full).</summary>
    public Memory<byte> GetFreeSpace()
    {
        EnsureSpace();
        return _buffer.AsMemory(Length);
    }

    /// <summary>Records <paramref name="count"/> bytes written into <see cref="GetFreeSpace"/>; false past <paramref name="limit"/>.</summary>
    public bool Advance(int count, long limit)
    {
        Length += count;
        TooLarge = Length > limit;
        return !TooLarge;
    }

    public void Reset()
    {
        Length = 0;
        TooLarge = false;
    }

    /// <param name="initialSize">Bytes of the first (pooled) buffer.</param>
    /// <param name="poolGrowth">
    /// False: buffers grown past the first are plain arrays the GC takes back, not pooled ones the shared pool keeps, so
    /// that many connections holding large half-sent frames leave nothing behind when they end.
    /// </param>
    public static LimitedBody Create(int initialSize, bool poolGrowth = true) => new(initialSize, poolGrowth);

    /// <summary>Gives a buffer larger than <paramref name="size"/> back to the pool and starts over with a small one (content is discarded).</summary>
    public void Shrink(int size)
    {
        Reset();
        if (_buffer.Length > size)
        {
            Release();
            _buffer = ArrayPool<byte>.Shared.Rent(size);
            _pooled = true;
        }
    }

    public void Dispose()
    {
        Release();
        _buffer = [];
    }

    private void EnsureSpace()
    {
        if (Length < _buffer.Length)
        {
            return;
        }

        var larger = _poolGrowth ? ArrayPool<byte>.Shared.Rent(_buffer.Length * 2) : GC.AllocateUninitializedArray<byte>(_buffer.Length * 2);
        _buffer.AsSpan(0, Length).CopyTo(larger);
        Release();
        _buffer = larger;
        _pooled = _poolGrowth;
    }

    private void Release()
    {
        if (_pooled && _buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _pooled = false;
    }
}
