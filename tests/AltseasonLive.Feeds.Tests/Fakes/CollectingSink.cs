using System.Collections.Concurrent;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Feeds.Tests.Fakes;

/// <summary>Records every tick a source publishes (copied: the batch memory is only valid during the call).</summary>
public sealed class CollectingSink : ITickSink
{
    private readonly ConcurrentQueue<Tick> _ticks = new();

    public IReadOnlyCollection<Tick> Ticks => _ticks;

    public ValueTask<TickBatchResult> PublishAsync(ReadOnlyMemory<Tick> batch, CancellationToken cancellationToken)
    {
        foreach (var tick in batch.Span)
        {
            _ticks.Enqueue(tick);
        }

        return ValueTask.FromResult(new TickBatchResult(batch.Length, []));
    }

    /// <summary>Waits until <paramref name="predicate"/> holds over the ticks so far (15 s at most).</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyCollection<Tick>, bool> predicate, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!predicate(_ticks))
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}; got {_ticks.Count} ticks");
            await Task.Delay(10);
        }
    }
}
