using AltseasonLive.Feeds;
using AltseasonLive.Grains.Interfaces.Events;

namespace AltseasonLive.Api.Feeds;

/// <summary>Tells the event log from when events are raised on demo data, so they carry <c>simulated: true</c> everywhere.</summary>
public sealed class EventLogSimulationMarker(IGrainFactory grains) : ISimulationMarker
{
    public Task MarkSimulatedFromAsync(long? fromMs, CancellationToken cancellationToken) =>
        grains.GetGrain<IEventLogGrain>(0).MarkSimulatedFrom(fromMs).WaitAsync(cancellationToken);
}
