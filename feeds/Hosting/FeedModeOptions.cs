using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Feeds.Hosting;

/// <summary>Configuration section <c>Feeds</c>: the feed mode and how long Auto waits for a live source.</summary>
public sealed class FeedModeOptions
{
    public const string Section = "Feeds";

    public FeedMode Mode { get; set; } = FeedMode.Auto;

    /// <summary>How long Auto waits for the first valid message of any live source before it runs the demo instead.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan AutoFallbackAfter { get; set; } = TimeSpan.FromSeconds(15);
}
