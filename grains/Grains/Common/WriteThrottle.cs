namespace AltseasonLive.Grains.Common;

/// <summary>
/// Decides when a busy grain writes its state: at most once per interval of wall time (state is also written on
/// deactivation), so fast replays and 1 s bars do not turn into a write per bar.
/// </summary>
public sealed class WriteThrottle
{
    private readonly TimeProvider _clock;
    private readonly TimeSpan _interval;
    private long _lastWrite;

    public WriteThrottle(TimeProvider clock, TimeSpan interval)
    {
        _clock = clock;
        _interval = interval;
        _lastWrite = clock.GetTimestamp();
    }

    /// <summary>True when the state has changed since the last write.</summary>
    public bool Dirty { get; private set; }

    public void MarkDirty() => Dirty = true;

    /// <summary>True when dirty and the interval has passed since the last write.</summary>
    public bool IsDue => Dirty && _clock.GetElapsedTime(_lastWrite) >= _interval;

    public void MarkWritten()
    {
        Dirty = false;
        _lastWrite = _clock.GetTimestamp();
    }
}
