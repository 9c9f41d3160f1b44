namespace AltseasonLive.Feeds;

/// <summary>
/// What the market already holds, so a restarted host resumes its feeds instead of re-sending history the market rejects.
/// Hosts implement it over their state (e.g. the asset grains); without a registration the feeds start from the bundled history.
/// </summary>
public interface IFeedCheckpoint
{
    /// <summary>The latest state, or null when the market holds no ticks yet.</summary>
    ValueTask<FeedCheckpoint?> GetAsync(CancellationToken cancellationToken);
}
