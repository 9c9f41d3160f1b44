using System.Collections.Immutable;

namespace AltseasonLive.Grains.Interfaces.Ticks;

/// <summary>
/// The grain every tick batch enters (a stateless worker: use key 0), behind the hosts' tick sink; what it adds is the
/// fan-out. One call per batch: ticks are split by symbol, each asset grain gets its ticks in one call, and accepted
/// ticks go on to the market grain and the correlation groups in one call each. Ticks of one symbol should be in time order.
/// </summary>
public interface ITickIngestGrain : IGrainWithIntegerKey
{
    Task<TickBatchResult> Ingest(ImmutableArray<Tick> ticks);
}
