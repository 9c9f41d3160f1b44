namespace AltseasonLive.Grains.Configuration;

/// <summary>Live push (section "Push"). Durations in milliseconds.</summary>
public sealed class PushOptions
{
    public const string SectionName = "Push";

    /// <summary>How often a correlation group publishes its changed live correlations (computing them is the cost).</summary>
    public int FlushIntervalMs { get; set; } = 15;

    /// <summary>An observer not re-registered within this is dropped.</summary>
    public int ObserverExpiryMs { get; set; } = 30_000;

    /// <summary>How long a notifier reuses the observer list before asking the registry again.</summary>
    public int ObserverRefreshMs { get; set; } = 2_000;
}
