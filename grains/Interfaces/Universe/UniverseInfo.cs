using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.Grains.Interfaces.Universe;

/// <summary>What the silo watches: symbols, pair-windows (grain keys) and the bar size in ms.</summary>
[GenerateSerializer, Immutable]
public sealed record UniverseInfo(
    [property: Id(0)] ImmutableArray<AssetInfo> Assets,
    [property: Id(1)] ImmutableArray<PairWindowKey> PairWindows,
    [property: Id(2)] long BarSizeMs);
