using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Api.Ingestion;

/// <summary>Publishes through the stateless-worker <see cref="ITickIngestGrain"/> (key 0) of the co-hosted silo.</summary>
public sealed class GrainTickPublisher(IGrainFactory grains) : ITickPublisher
{
    public Task<TickBatchResult> PublishAsync(ImmutableArray<Tick> ticks, CancellationToken cancellationToken) =>
        grains.GetGrain<ITickIngestGrain>(0).Ingest(ticks).WaitAsync(cancellationToken);
}
