namespace AltseasonLive.Feeds.Hosting;

/// <summary>Lets the synthetic feed wait for the history replay to finish (or be skipped) before it starts.</summary>
public sealed class ReplayCompletion
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completed => _done.Task;

    public void MarkCompleted() => _done.TrySetResult();
}
