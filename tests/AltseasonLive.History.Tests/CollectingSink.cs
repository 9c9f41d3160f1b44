using System.Collections.Concurrent;
using AltseasonLive.Feeds;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.History.Tests;

/// <summary>Test sink that keeps every published batch; safe to poll from the test thread while a feed publishes.</summary>
internal sealed class CollectingSink : ITickSink
{
    public ConcurrentQueue<Tick[]> Batches { get; } = new();

    public ValueTask<TickBatchResult> PublishAsync(ReadOnlyMemory<Tick> batch, CancellationToken cancellationToken)
    {
        Batches.Enqueue(batch.ToArray());
        return ValueTask.FromResult(new TickBatchResult(batch.Length, []));
    }
}
