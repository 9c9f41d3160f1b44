using System.Collections.Immutable;
using AltseasonLive.Api.Market;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Live;

namespace AltseasonLive.Api.Push;

/// <summary>
/// The api's <see cref="IMarketObserver"/>: receives batches from the push notifier grains and hands them to
/// <see cref="MarketFanOut"/> (events through <see cref="EventContinuity"/>, which keeps them gap-free) without awaiting
/// any client, so a grain call returns as soon as the batch is queued.
/// </summary>
public sealed class HubMarketObserver(MarketFanOut fanOut, EventContinuity events) : IMarketObserver
{
    public Task OnEvents(ImmutableArray<MarketEvent> batch)
    {
        events.Offer(HubMessageMapper.ToHub(batch));
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
