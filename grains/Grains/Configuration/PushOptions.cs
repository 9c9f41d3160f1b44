using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Grains.Configuration;

/// <summary>Live push batching (section "Push"), GPSTracker style. Durations as <c>hh:mm:ss.fff</c>.</summary>
public sealed class PushOptions
{
    public const string SectionName = "Push";

    /// <summary>How often the push notifier flushes, and how often a correlation group publishes its live values.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00", ErrorMessage = "Push:FlushInterval must be between {1} and {2}.")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(15);

    /// <summary>Most items (events or series updates) sent to observers per flush.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Push:MaxBatch must be between {1} and {2}.")]
    public int MaxBatch { get; set; } = 100;

    /// <summary>An observer not re-registered within this is dropped.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Push:ObserverExpiry must be between {1} and {2}.")]
    public TimeSpan ObserverExpiry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a notifier reuses the observer list before asking the registry again (0 = every flush).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Push:ObserverRefresh must be between {1} and {2}.")]
    public TimeSpan ObserverRefresh { get; set; } = TimeSpan.FromSeconds(2);
}
