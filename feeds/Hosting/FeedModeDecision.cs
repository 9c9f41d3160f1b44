namespace AltseasonLive.Feeds.Hosting;

/// <summary>
/// The feed mode in effect, decided once at start (see <see cref="FeedModeService"/>): the feeds wait on
/// <see cref="Decided"/>, the api reports it. <see cref="Current"/> is null until the decision is made.
/// </summary>
public sealed class FeedModeDecision(FeedMode requested)
{
    private readonly TaskCompletionSource<FeedModeState> _decided = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The configured mode (<c>Feeds:Mode</c>).</summary>
    public FeedMode Requested { get; } = requested;

    /// <summary>Completes with the effective mode (never Auto).</summary>
    public Task<FeedModeState> Decided => _decided.Task;

    /// <summary>The effective mode, or null while Auto is still probing the live sources.</summary>
    public FeedModeState? Current => _decided.Task.IsCompletedSuccessfully ? _decided.Task.Result : null;

    /// <summary>Sets the effective mode; later calls are ignored (the mode holds until a restart).</summary>
    public bool Decide(FeedMode mode, string? reason)
    {
        if (mode == FeedMode.Auto)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "The effective mode is Live, Demo or Off.");
        }

        return _decided.TrySetResult(new FeedModeState(mode, reason));
    }
}
