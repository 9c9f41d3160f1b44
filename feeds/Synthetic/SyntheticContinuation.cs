using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Feeds.Synthetic;

/// <summary>
/// Walks a <see cref="SyntheticFeed"/> through simulated days after the history, then through real time, so daily bars
/// keep closing for a viewer. Clock-free: every <see cref="Fill"/> takes the wall clock (UTC epoch ms) as an argument.
/// <para>
/// Simulated phase: simulated day <c>d</c> gets <see cref="TicksPerDay"/> steps stamped 00:00 UTC of <c>d</c> plus
/// <c>k x (24 h / TicksPerDay)</c>, each advancing the model by 24 h / TicksPerDay of market time, so the first tick of a
/// day closes the previous daily bar and the others revise the new one. The Russell 2000 gets ticks only on weekdays.
/// </para>
/// <para>
/// Live phase: once the next simulated stamp would reach the wall clock, every step is stamped with the wall clock and
/// advances the model by the elapsed wall time x <see cref="LiveTimeScale"/>; daily bars then close at UTC midnight.
/// No tick is ever stamped after the wall clock passed in.
/// </para>
/// </summary>
public sealed class SyntheticContinuation
{
    private const long DayMs = 86_400_000;
    private static readonly int UnixEpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    private readonly SyntheticFeed _feed;
    private long _dayStartMs;
    private int _stepInDay;
    private long _lastStampMs = long.MinValue;

    /// <param name="feed">The seeded model; it must not be filled by anyone else.</param>
    /// <param name="firstDay">The first simulated day (UTC), normally the day after the last replayed day.</param>
    /// <param name="ticksPerDay">Steps (one tick per symbol each) per simulated day, at least 1.</param>
    /// <param name="liveTimeScale">Market seconds per wall second once caught up (1 = real time), positive.</param>
    public SyntheticContinuation(SyntheticFeed feed, DateOnly firstDay, int ticksPerDay, double liveTimeScale = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ticksPerDay, 1);
        if (!(liveTimeScale > 0) || double.IsInfinity(liveTimeScale))
        {
            throw new ArgumentOutOfRangeException(nameof(liveTimeScale), liveTimeScale, "The live time scale must be positive and finite.");
        }

        _feed = feed;
        FirstDay = firstDay;
        TicksPerDay = ticksPerDay;
        LiveTimeScale = liveTimeScale;
        _dayStartMs = StartMsOf(firstDay);
    }

    public DateOnly FirstDay { get; }

    public int TicksPerDay { get; }

    public double LiveTimeScale { get; }

    /// <summary>Buffer size a <see cref="Fill"/> needs (see <see cref="SyntheticFeed.TicksPerStep"/>).</summary>
    public int TicksPerStep => _feed.TicksPerStep;

    /// <summary>True once the simulated clock has reached the wall clock: stamps are the wall clock from then on.</summary>
    public bool CaughtUp { get; private set; }

    /// <summary>The UTC day of the last stamp (before the first fill: <see cref="FirstDay"/>).</summary>
    public DateOnly Day => _lastStampMs == long.MinValue ? FirstDay : DayOf(_lastStampMs);

    public SyntheticRegime Regime => _feed.Regime;

    /// <summary>
    /// Writes the next step's ticks (at most <see cref="TicksPerStep"/>) given the wall clock <paramref name="wallNowMs"/>
    /// (UTC epoch ms); returns the number written. Allocates nothing.
    /// </summary>
    public int Fill(Span<Tick> destination, long wallNowMs)
    {
        if (!CaughtUp)
        {
            var stampMs = _dayStartMs + (_stepInDay * DayMs / TicksPerDay);
            if (stampMs < wallNowMs)
            {
                var n = _feed.Fill(destination, stampMs, 86_400.0 / TicksPerDay, IsWeekday(stampMs));
                _lastStampMs = stampMs;
                if (++_stepInDay == TicksPerDay)
                {
                    _stepInDay = 0;
                    _dayStartMs += DayMs;
                }

                return n;
            }

            CaughtUp = true;
        }

        var elapsedSeconds = _lastStampMs == long.MinValue ? 1.0 : Math.Max(0, (wallNowMs - _lastStampMs) / 1000.0);
        _lastStampMs = wallNowMs;
        return _feed.Fill(destination, wallNowMs, elapsedSeconds * LiveTimeScale, IsWeekday(wallNowMs));
    }

    /// <summary>Wall time the simulated phase still needs, at one simulated day per <paramref name="dayInterval"/>, to reach <paramref name="wallNowMs"/>.</summary>
    public TimeSpan CatchUpTime(long wallNowMs, TimeSpan dayInterval) =>
        CaughtUp ? TimeSpan.Zero : dayInterval * Math.Max(0, (wallNowMs - _dayStartMs) / (double)DayMs);

    /// <summary>00:00 UTC of <paramref name="day"/>, UTC epoch ms.</summary>
    public static long StartMsOf(DateOnly day) => (long)(day.DayNumber - UnixEpochDayNumber) * DayMs;

    private static DateOnly DayOf(long timeMs) => DateOnly.FromDayNumber(UnixEpochDayNumber + (int)Math.Floor(timeMs / (double)DayMs));

    private static bool IsWeekday(long timeMs) => DayOf(timeMs).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
