namespace AltseasonLive.Feeds.Hosting;

/// <summary>Where market data comes from (option <c>Feeds:Mode</c>); chosen once at start and held until a restart.</summary>
public enum FeedMode
{
    /// <summary>Live sources when one is reachable within <see cref="FeedModeOptions.AutoFallbackAfter"/>, otherwise the demo.</summary>
    Auto,

    /// <summary>History replay, backfill to today, then the live sources only (a source that is down shows as reconnecting).</summary>
    Live,

    /// <summary>History replay, then the synthetic continuation: simulated data, labelled as such everywhere.</summary>
    Demo,

    /// <summary>No built-in feed: only published ticks.</summary>
    Off,
}
