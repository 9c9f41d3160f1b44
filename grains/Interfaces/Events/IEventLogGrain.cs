using System.Collections.Immutable;

namespace AltseasonLive.Grains.Interfaces.Events;

/// <summary>
/// The single event log (key 0): assigns global sequence numbers (persisted, no gaps or repeats across restarts), keeps a
/// bounded retention and pushes logged events to live observers.
/// </summary>
public interface IEventLogGrain : IGrainWithIntegerKey
{
    /// <summary>Logs the events in order and returns them with their sequence numbers.</summary>
    Task<ImmutableArray<MarketEvent>> Append(ImmutableArray<MarketEvent> events);

    Task<EventPage> GetSince(long afterSequence, int max);
}
