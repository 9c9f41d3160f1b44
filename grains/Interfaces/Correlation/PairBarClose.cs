using System.Collections.Immutable;

namespace AltseasonLive.Grains.Interfaces.Correlation;

/// <summary>
/// Sent by the correlation group to a pair-window grain for each committed bar: its own statistics and the same
/// pair's other windows (same mode) at that bar, which the breakdown rule compares against.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PairBarClose(
    [property: Id(0)] CorrelationValue Stats,
    [property: Id(1)] ImmutableArray<WindowValue> Siblings);
