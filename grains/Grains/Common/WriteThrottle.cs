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

    /// <summary>
    /// True once the grain took a call of a cluster's ingest log: from then on its state is written only when the log
    /// checkpoints (never on the interval, never on deactivation), so the stored states of all grains are one
    /// consistent cut that the log's replay continues from.
    /// </summary>
    public bool Checkpointed { get; private set; }

    /// <summary>True when dirty and the interval has passed since the last write (never when <see cref="Checkpointed"/>).</summary>
    public bool IsDue => !Checkpointed && Dirty && _clock.GetElapsedTime(_lastWrite) >= _interval;

    /// <summary>True when a deactivation should write the state: dirty, and not <see cref="Checkpointed"/>.</summary>
    public bool WritesOnDeactivation => Dirty && !Checkpointed;

    public void HoldForCheckpoints() => Checkpointed = true;

    public void MarkWritten()
    {
        Dirty = false;
        _lastWrite = _clock.GetTimestamp();
    }
}
