using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Grains.Configuration;

/// <summary>Live push (section "Push"). Durations as <c>hh:mm:ss.fff</c>.</summary>
public sealed class PushOptions
{
    public const string SectionName = "Push";

    /// <summary>An observer not re-registered within this is dropped.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Push:ObserverExpiry must be between {1} and {2}.")]
    public TimeSpan ObserverExpiry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a notifier reuses the observer list before asking the registry again (0 = every flush).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Push:ObserverRefresh must be between {1} and {2}.")]
    public TimeSpan ObserverRefresh { get; set; } = TimeSpan.FromSeconds(2);
}
