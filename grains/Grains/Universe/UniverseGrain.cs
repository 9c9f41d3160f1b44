using AltseasonLive.Grains.Interfaces.Universe;
using Orleans.Concurrency;

namespace AltseasonLive.Grains.Universe;

/// <summary>Serves the silo's configured universe to hosts that only reference the grain interfaces.</summary>
[StatelessWorker]
public sealed class UniverseGrain(UniverseCatalog universe) : Grain, IUniverseGrain
{
    public Task<UniverseInfo> GetUniverse() => Task.FromResult(universe.Info);
}
