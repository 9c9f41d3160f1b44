using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Events;

namespace AltseasonLive.Grains.Interfaces.Market;

/// <summary>
/// Market-wide aggregates at <see cref="TimeMs"/> (UTC epoch ms). TOTALs in USD, dominances in percent, the Altcoin
/// Season Index in percent (0..100) over <see cref="AltseasonCoins"/> coins with enough history. Values a feed supplies
/// directly (listed in <see cref="SuppliedSeries"/>) win over computed ones. Null until known. <see cref="Sources"/> maps
/// each series key (<c>TOTAL</c> ... <c>USDT.D</c>, <c>ASI</c>; ordinal order, so the JSON is stable) to where its value came from and when.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MarketSnapshot(
    [property: Id(0)] long TimeMs,
    [property: Id(1)] double? Total,
    [property: Id(2)] double? Total2,
    [property: Id(3)] double? Total3,
    [property: Id(4)] double? BtcDominance,
    [property: Id(5)] double? EthDominance,
    [property: Id(6)] double? UsdtDominance,
    [property: Id(7)] double? AltseasonIndex,
    [property: Id(8)] AltseasonPhase Phase,
    [property: Id(9)] int AltseasonCoins,
    [property: Id(10)] ImmutableArray<string> SuppliedSeries,
    [property: Id(11)] ImmutableSortedDictionary<string, SeriesSource>? Sources = null);
