using AltseasonLive.Grains.Interfaces.Events;

namespace AltseasonLive.Grains.Events;

/// <summary>Persisted event log: the last assigned sequence number and the retained events, oldest first.</summary>
[GenerateSerializer]
public sealed class EventLogState
{
    [Id(0)] public long LastSequence { get; set; }

    [Id(1)] public List<MarketEvent> Events { get; set; } = [];

    /// <summary>Events on bars at or after this time (UTC epoch ms) are raised on demo data; null when live.</summary>
    [Id(2)] public long? SimulatedFromMs { get; set; }

    /// <summary>Ingest-log position of the last batch whose events were sealed; 0 outside the ingest log.</summary>
    [Id(3)] public long SealedPosition { get; set; }
}
