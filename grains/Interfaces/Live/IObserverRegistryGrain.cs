using System.Collections.Immutable;

namespace AltseasonLive.Grains.Interfaces.Live;

/// <summary>
/// The list of live observers (key 0). Hosts call <see cref="Register"/> every few seconds; an entry not renewed within
/// the expiry (default 30 s) is dropped, so a crashed host disappears by itself.
/// </summary>
public interface IObserverRegistryGrain : IGrainWithIntegerKey
{
    Task Register(IMarketObserver observer);

    Task Unregister(IMarketObserver observer);

    Task<ImmutableArray<IMarketObserver>> GetObservers();
}
