using System.Collections.Immutable;
using AltseasonLive.Feeds;
using AltseasonLive.Grains.Interfaces.Durability;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Api.Durability;

/// <summary>
/// The <see cref="ITickSink"/> of a node in a Redis cluster: every batch goes to the cluster's ingest log
/// (<see cref="IIngestLogGrain"/>), which appends it to Redis before it is applied, so an acknowledged batch survives
/// the loss of any node; publisher streams are deduplicated there, across the cluster.
/// </summary>
public sealed class ClusterTickSink(IGrainFactory grains, PublisherStreams streams, TimeProvider clock) : ITickSink
{
    public async ValueTask<TickBatchResult> PublishAsync(ReadOnlyMemory<Tick> batch, CancellationToken cancellationToken)
    {
        if (batch.IsEmpty)
        {
            return new TickBatchResult(0, []);
        }

        var chunk = streams.NextChunk() is { } position ? new PublisherChunk(position.StreamId, position.Sequence, position.Chunk) : null;
        var result = await Log.Ingest(ImmutableArray.Create(batch.Span), chunk, clock.GetUtcNow().ToUnixTimeMilliseconds()).WaitAsync(cancellationToken);
        if (result is null)
        {
            streams.MarkDuplicate();
            return new TickBatchResult(0, []);
        }

        return result;
    }

    /// <summary>The newest logged chunk of one of the cluster's publisher streams, or null.</summary>
    public async Task<StreamPosition?> GetStreamAsync(string streamId, CancellationToken cancellationToken) =>
        await Log.GetStream(streamId).WaitAsync(cancellationToken) is { } last ? new StreamPosition(last.StreamId, last.Sequence, last.Chunk) : null;

    public Task<bool> ResetStreamAsync(string streamId, CancellationToken cancellationToken) =>
        Log.ResetStream(streamId).WaitAsync(cancellationToken);

    private IIngestLogGrain Log => grains.GetGrain<IIngestLogGrain>(0);
}
