using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Feeds.Replay;

/// <summary>One replayed day: every tick of that date, stamped at 00:00 UTC of <see cref="Date"/> (UTC epoch ms).</summary>
public sealed record ReplayDay(DateOnly Date, Tick[] Ticks)
{
    public static long TimeMsOf(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
}
