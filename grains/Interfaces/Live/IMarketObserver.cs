using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Events;

namespace AltseasonLive.Grains.Interfaces.Live;

/// <summary>
/// Implemented by web hosts (wrapping their hub context) and registered with <see cref="IObserverRegistryGrain"/>;
/// receives batches from the push notifier. Grains never reference a hub. Event batches may arrive out of sequence
/// order (several notifier activations, several silos), so an observer orders them by <see cref="MarketEvent.Sequence"/>
/// and fetches a missing one from <see cref="Events.IEventLogGrain.GetSince"/>.
/// </summary>
public interface IMarketObserver : IGrainObserver
{
    Task OnEvents(ImmutableArray<MarketEvent> events);

    Task OnSeries(ImmutableArray<SeriesUpdate> updates);
}
