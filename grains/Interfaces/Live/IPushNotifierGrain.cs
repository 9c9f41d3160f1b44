using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Events;

namespace AltseasonLive.Grains.Interfaces.Live;

/// <summary>
/// Stateless worker (use key 0) that forwards events and series updates at once to every registered
/// <see cref="IMarketObserver"/>. It neither queues nor coalesces: the observer (the hub) coalesces series and restores
/// event order.
/// </summary>
public interface IPushNotifierGrain : IGrainWithIntegerKey
{
    Task PublishEvents(ImmutableArray<MarketEvent> events);

    Task PublishSeries(ImmutableArray<SeriesUpdate> updates);
}
