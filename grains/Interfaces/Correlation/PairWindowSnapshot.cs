using System.Collections.Immutable;

namespace AltseasonLive.Grains.Interfaces.Correlation;

/// <summary>
/// Current view of one pair-window: the last committed bar, the live value including the in-progress bar, its usual
/// range (percentile band of its own past committed values; null until enough history) and recent history (oldest first).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PairWindowSnapshot(
    [property: Id(0)] PairWindowKey Key,
    [property: Id(1)] CorrelationValue? Committed,
    [property: Id(2)] CorrelationValue? Live,
    [property: Id(3)] double? BandLower,
    [property: Id(4)] double? BandUpper,
    [property: Id(5)] CouplingState State,
    [property: Id(6)] ImmutableArray<HistoryPoint> History);
