using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Events;

namespace AltseasonLive.Grains.Interfaces.Live;

/// <summary>
/// Stateless worker (use key 0) that queues events and series updates and flushes them in batches (at most 100 items per
/// flush, every ~15 ms by default) to every registered <see cref="IMarketObserver"/>.
/// </summary>
public interface IPushNotifierGrain : IGrainWithIntegerKey
{
    Task PublishEvents(ImmutableArray<MarketEvent> events);

    Task PublishSeries(ImmutableArray<SeriesUpdate> updates);
}
