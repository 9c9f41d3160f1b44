namespace AltseasonLive.Feeds.Hosting;

/// <summary>
/// Lets the synthetic feed wait for the history replay to finish (or be skipped) before it starts, and hands over the last
/// replayed day (null when nothing was replayed), or the day of the <see cref="IFeedCheckpoint"/> when the market already
/// holds a later day, so the continuation starts the day after.
/// </summary>
public sealed class ReplayCompletion
{
    private readonly TaskCompletionSource<DateOnly?> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the last replayed or held day (UTC date), or null when the replay was disabled or sent nothing and nothing was held.</summary>
    public Task<DateOnly?> Completed => _done.Task;

    public void MarkCompleted(DateOnly? lastReplayedDay) => _done.TrySetResult(lastReplayedDay);
}
