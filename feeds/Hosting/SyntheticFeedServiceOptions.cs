using AltseasonLive.Feeds.Synthetic;

namespace AltseasonLive.Feeds.Hosting;

/// <summary>
/// Configuration section <c>Feeds:Synthetic</c>. <see cref="TicksPerSecond"/> is the target total tick rate: the feed
/// takes one model step every (ticks per step / TicksPerSecond) seconds, at least every 10 ms. <see cref="Model"/> binds
/// <c>Feeds:Synthetic:Model</c>. When the replay is enabled, the synthetic feed starts after it, from its last values.
/// </summary>
public sealed class SyntheticFeedServiceOptions
{
    public const string Section = "Feeds:Synthetic";

    public bool Enabled { get; set; } = true;

    public double TicksPerSecond { get; set; } = 50;

    /// <summary>How many coins of the last bundled day keep moving (largest by market cap).</summary>
    public int Coins { get; set; } = 20;

    public SyntheticFeedOptions Model { get; set; } = new();
}
