namespace AltseasonLive.Grains.Hosting;

/// <summary>
/// The silo's <see cref="TimeProvider"/>: the system clock, except that crash recovery pins its UTC time to the moment a
/// journaled batch was first received while it replays that batch, so wall-clock checks (a tick too far in the
/// future) give the same verdicts as the first time. Pinning is only for the single-threaded start-up replay.
/// </summary>
public sealed class IngestClock : TimeProvider
{
    private long _pinnedMs = long.MinValue;

    public override DateTimeOffset GetUtcNow()
    {
        var pinned = Volatile.Read(ref _pinnedMs);
        return pinned == long.MinValue ? base.GetUtcNow() : DateTimeOffset.FromUnixTimeMilliseconds(pinned);
    }

    /// <summary>Makes <see cref="GetUtcNow"/> return <paramref name="utcMs"/> (UTC epoch ms) until <see cref="Release"/>.</summary>
    public void Pin(long utcMs) => Volatile.Write(ref _pinnedMs, utcMs);

    public void Release() => Volatile.Write(ref _pinnedMs, long.MinValue);
}
