namespace AltseasonLive.Feeds.Replay;

/// <summary>
/// How fast a history replay runs. Three modes:
/// <list type="bullet">
/// <item><see cref="AsFastAsPossible"/>: no waiting between days.</item>
/// <item><see cref="RealTime"/>(N): N x real time, so consecutive days wait (calendar-day gap x 24 h) / N; a weekend gap
/// between two RUT-only days waits three days' worth.</item>
/// <item><see cref="DayEvery"/>(X): one replayed day per X, whatever the calendar gap.</item>
/// </list>
/// </summary>
public sealed record ReplayPace
{
    private ReplayPace(double speedMultiplier, TimeSpan dayInterval)
    {
        SpeedMultiplier = speedMultiplier;
        DayInterval = dayInterval;
    }

    public static ReplayPace AsFastAsPossible { get; } = new(0, TimeSpan.Zero);

    /// <summary>0 unless this is a <see cref="RealTime"/> pace.</summary>
    public double SpeedMultiplier { get; }

    /// <summary><see cref="TimeSpan.Zero"/> unless this is a <see cref="DayEvery"/> pace.</summary>
    public TimeSpan DayInterval { get; }

    public static ReplayPace RealTime(double multiplier)
    {
        if (!(multiplier > 0) || double.IsInfinity(multiplier))
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "The speed multiplier must be a positive finite number.");
        }

        return new ReplayPace(multiplier, TimeSpan.Zero);
    }

    public static ReplayPace DayEvery(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return new ReplayPace(0, interval);
    }

    /// <summary>The wait between publishing <paramref name="previous"/> and <paramref name="next"/>.</summary>
    public TimeSpan DelayBetween(DateOnly previous, DateOnly next)
    {
        if (DayInterval > TimeSpan.Zero)
        {
            return DayInterval;
        }

        if (SpeedMultiplier > 0)
        {
            var days = Math.Max(0, next.DayNumber - previous.DayNumber);
            return TimeSpan.FromDays(days / SpeedMultiplier);
        }

        return TimeSpan.Zero;
    }

    public override string ToString() =>
        DayInterval > TimeSpan.Zero ? $"one day per {DayInterval.TotalMilliseconds} ms"
        : SpeedMultiplier > 0 ? $"{SpeedMultiplier} x real time"
        : "as fast as possible";
}
