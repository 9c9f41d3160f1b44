using System.ComponentModel.DataAnnotations;
using AltseasonLive.Feeds.Synthetic;

namespace AltseasonLive.Feeds.Hosting;

/// <summary>
/// Configuration section <c>Feeds:Synthetic</c>. With <see cref="Clock"/> = <see cref="SyntheticClock.Simulated"/> (the
/// default) the feed continues the history in simulated days: the day after the last replayed day, one simulated day per
/// <see cref="DayInterval"/> of wall time, <see cref="TicksPerDay"/> steps per day, then the wall clock once caught up
/// (see <see cref="SyntheticContinuation"/>). With <see cref="SyntheticClock.Wall"/> every step is stamped with the wall
/// clock. <see cref="TicksPerSecond"/> is the target total tick rate on the wall clock: one model step every
/// (ticks per step / TicksPerSecond) seconds, at least every 10 ms. <see cref="Model"/> binds <c>Feeds:Synthetic:Model</c>.
/// </summary>
public sealed class SyntheticFeedServiceOptions
{
    public const string Section = "Feeds:Synthetic";

    public bool Enabled { get; set; } = true;

    public SyntheticClock Clock { get; set; } = SyntheticClock.Simulated;

    /// <summary>Wall time per simulated day while catching up.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Feeds:Synthetic:DayInterval must be between {1} and {2}.")]
    public TimeSpan DayInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Steps per simulated day (each one tick per symbol). 0 derives it from <see cref="TicksPerSecond"/>: the steps that
    /// rate allows in <see cref="DayInterval"/>, at least 4.
    /// </summary>
    [Range(0, 1_000_000)]
    public int TicksPerDay { get; set; }

    /// <summary>Market seconds per wall second once the simulated clock has caught up (1 = real time, so a daily bar is one market day).</summary>
    [Range(1e-6, 1e6)]
    public double LiveTimeScale { get; set; } = 1;

    [Range(0.001, 1e9)]
    public double TicksPerSecond { get; set; } = 50;

    /// <summary>How many coins of the last bundled day keep moving (largest by market cap).</summary>
    [Range(0, 1000)]
    public int Coins { get; set; } = 20;

    public SyntheticFeedOptions Model { get; set; } = new();

    /// <summary><see cref="TicksPerDay"/>, or the value derived from the tick rate when it is 0.</summary>
    public int EffectiveTicksPerDay(int ticksPerStep)
    {
        if (TicksPerDay > 0)
        {
            return TicksPerDay;
        }

        return Math.Max(4, (int)Math.Round(TicksPerSecond * DayInterval.TotalSeconds / Math.Max(1, ticksPerStep)));
    }
}
