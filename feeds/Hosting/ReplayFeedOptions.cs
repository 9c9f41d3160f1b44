using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Feeds.Hosting;

/// <summary>
/// Configuration section <c>Feeds:Replay</c>. Pace: <see cref="DayMilliseconds"/> &gt; 0 replays one day per that many
/// milliseconds; otherwise <see cref="SpeedMultiplier"/> &gt; 0 replays at N x real time; otherwise as fast as possible.
/// <see cref="From"/>/<see cref="To"/> are optional inclusive dates, yyyy-MM-dd.
/// </summary>
public sealed class ReplayFeedOptions
{
    public const string Section = "Feeds:Replay";

    public bool Enabled { get; set; } = true;

    [Range(0, 86_400_000)]
    public double DayMilliseconds { get; set; }

    [Range(0, 1e9)]
    public double SpeedMultiplier { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    /// <summary>Send per-coin ticks too (the Altcoin Season Index needs them).</summary>
    public bool IncludeCoins { get; set; } = true;
}
