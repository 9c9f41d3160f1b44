namespace AltseasonLive.Api.Push;

/// <summary>
/// Times the current write of one connection so that a client that stopped reading (its transport buffers full) can be
/// cut off: <see cref="MarketFanOut.AbortStalled"/> asks every connection once a second, so no write needs a timer of
/// its own.
/// </summary>
public sealed class SendStallWatchdog(TimeProvider time, TimeSpan sendTimeout)
{
    private long _writeStartedAt;

    public void WriteStarted() => Volatile.Write(ref _writeStartedAt, time.GetTimestamp());

    public void WriteFinished() => Volatile.Write(ref _writeStartedAt, 0);

    /// <summary>True when a write has been pending longer than the send timeout.</summary>
    public bool IsStalled
    {
        get
        {
            var started = Volatile.Read(ref _writeStartedAt);
            return started != 0 && time.GetElapsedTime(started) >= sendTimeout;
        }
    }
}
