using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Events;

namespace AltseasonLive.Grains.Interfaces.Live;

/// <summary>
/// Implemented by web hosts (wrapping their hub context) and registered with <see cref="IObserverRegistryGrain"/>;
/// receives batches from the push notifier. Grains never reference a hub.
/// </summary>
public interface IMarketObserver : IGrainObserver
{
    Task OnEvents(ImmutableArray<MarketEvent> events);

    Task OnSeries(ImmutableArray<SeriesUpdate> updates);
}
