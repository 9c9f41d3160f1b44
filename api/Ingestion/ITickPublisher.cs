using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Api.Ingestion;

/// <summary>Hands parsed ticks to the market; the result lists refusals by index in the published batch.</summary>
public interface ITickPublisher
{
    Task<TickBatchResult> PublishAsync(ImmutableArray<Tick> ticks, CancellationToken cancellationToken);
}
