namespace AltseasonLive.Feeds.Hosting;

/// <summary>The effective feed mode and why it was chosen (null when it is simply the configured one).</summary>
public sealed record FeedModeState(FeedMode Mode, string? Reason)
{
    /// <summary>True when simulated (demo) data is being shown.</summary>
    public bool Simulated => Mode == FeedMode.Demo;
}
