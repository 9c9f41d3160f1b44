using AltseasonLive.Api.Hubs;
using AltseasonLive.Api.Push;

namespace AltseasonLive.Api.Market;

/// <summary>
/// Read side of the market as the hub needs it: topic snapshots and the event log. Implemented over the grains by
/// <see cref="GrainMarketQueries"/>; a seam so the push machinery does not depend on grain shapes.
/// </summary>
public interface IMarketQueries
{
    /// <summary>Current state of a non-event topic, or null when the topic names nothing the market knows.</summary>
    Task<SnapshotMessage?> GetSnapshotAsync(MarketTopic topic, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> events with a sequence above <paramref name="afterSequence"/>, oldest first.</summary>
    Task<HubEventPage> GetEventsSinceAsync(long afterSequence, int max, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="count"/> events, oldest first.</summary>
    Task<HubEventPage> GetRecentEventsAsync(int count, CancellationToken cancellationToken);
}
