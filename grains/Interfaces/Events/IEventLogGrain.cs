using System.Collections.Immutable;

namespace AltseasonLive.Grains.Interfaces.Events;

/// <summary>
/// The single event log (key 0): assigns global sequence numbers (persisted, no gaps or repeats across restarts), keeps a
/// bounded retention and pushes logged events to live observers. Events raised while a tick batch is being ingested are
/// held until the batch seals and are then numbered in a canonical order (bar time, kind, description), so the same
/// ticks always give the same numbering however the grains of the batch interleaved.
/// </summary>
public interface IEventLogGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Logs the events. Outside a tick batch they are numbered in the given order and returned with their sequence
    /// numbers; inside one they are held for <see cref="Seal"/> and returned unnumbered (sequence 0).
    /// </summary>
    Task<ImmutableArray<MarketEvent>> Append(ImmutableArray<MarketEvent> events);

    /// <summary>Numbers the held events in canonical order, persists and pushes them; returns them numbered.</summary>
    Task<ImmutableArray<MarketEvent>> Seal();

    Task<EventPage> GetSince(long afterSequence, int max);

    /// <summary>
    /// From now on, events whose bar time is at or after <paramref name="fromMs"/> (UTC epoch ms) are logged with
    /// <see cref="MarketEvent.Simulated"/> set (the demo feed starts there); null: none are (live data). Persisted.
    /// </summary>
    Task MarkSimulatedFrom(long? fromMs);
}
