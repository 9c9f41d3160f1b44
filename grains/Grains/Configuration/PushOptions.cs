namespace AltseasonLive.Grains.Configuration;

/// <summary>Live push batching (section "Push"), GPSTracker style. Durations in milliseconds.</summary>
public sealed class PushOptions
{
    public const string SectionName = "Push";

    public int FlushIntervalMs { get; set; } = 15;

    /// <summary>Most items (events or series updates) sent to observers per flush.</summary>
    public int MaxBatch { get; set; } = 100;

    /// <summary>An observer not re-registered within this is dropped.</summary>
    public int ObserverExpiryMs { get; set; } = 30_000;

    /// <summary>How long a notifier reuses the observer list before asking the registry again.</summary>
    public int ObserverRefreshMs { get; set; } = 2_000;
}
