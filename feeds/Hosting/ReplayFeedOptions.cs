using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Feeds.Hosting;

/// <summary>
/// Configuration section <c>Feeds:Replay</c>. Pace: <see cref="DayInterval"/> &gt; 0 replays one day per that much wall
/// time; otherwise <see cref="SpeedMultiplier"/> &gt; 0 replays at N x real time; otherwise as fast as possible.
/// <see cref="From"/>/<see cref="To"/> are optional inclusive dates, yyyy-MM-dd.
/// </summary>
public sealed class ReplayFeedOptions
{
    public const string Section = "Feeds:Replay";

    public bool Enabled { get; set; } = true;

    /// <summary>Wall time per replayed day; zero leaves the pace to <see cref="SpeedMultiplier"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Feeds:Replay:DayInterval must be between {1} and {2}.")]
    public TimeSpan DayInterval { get; set; }

    [Range(0, 1e9)]
    public double SpeedMultiplier { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    /// <summary>Send per-coin ticks too (the Altcoin Season Index needs them).</summary>
    public bool IncludeCoins { get; set; } = true;
}
