using System.Collections.Immutable;
using AltseasonLive.Api.Market;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Live;

namespace AltseasonLive.Api.Push;

/// <summary>
/// The api's <see cref="IMarketObserver"/>: receives batches from the push notifier grains and hands them to
/// <see cref="MarketFanOut"/> without awaiting any client, so a grain call returns as soon as the batch is queued.
/// </summary>
public sealed class HubMarketObserver(MarketFanOut fanOut) : IMarketObserver
{
    public Task OnEvents(ImmutableArray<MarketEvent> events)
    {
        fanOut.PublishEvents(HubMessageMapper.ToHub(events));
        return Task.CompletedTask;
    }

    public Task OnSeries(ImmutableArray<SeriesUpdate> updates)
    {
        if (!updates.IsDefaultOrEmpty)
        {
            fanOut.PublishSeries(updates.Select(HubMessageMapper.ToHub).ToArray());
        }

        return Task.CompletedTask;
    }
}
