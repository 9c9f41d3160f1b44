using AltseasonLive.Grains.Interfaces.Universe;

namespace AltseasonLive.Api.Market;

/// <summary>The silo's configured universe, fetched once from <see cref="IUniverseGrain"/> (it does not change while running).</summary>
public sealed class UniverseCache(IGrainFactory grains)
{
    private UniverseInfo? _universe;

    public async Task<UniverseInfo> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _universe) is { } cached)
        {
            return cached;
        }

        var universe = await grains.GetGrain<IUniverseGrain>(0).GetUniverse().WaitAsync(cancellationToken);
        Volatile.Write(ref _universe, universe);
        return universe;
    }
}
