using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.Api.Claims;

/// <summary>
/// What the claims are computed from: the RUT/TOTAL3 pair-windows (every window, both modes), the bar closes of the
/// market series by symbol ("RUT", "TOTAL3", "BTC.D", "USDT.D", "ASI", "SPX"; absent or empty when not held), the
/// dominance levels (percent) and the Altcoin Season Index thresholds (0..100).
/// </summary>
public sealed record ClaimInputs(
    ImmutableArray<PairWindowSnapshot> PairWindows,
    ImmutableDictionary<string, ImmutableArray<HistoryPoint>> Series,
    ImmutableDictionary<string, ImmutableArray<double>> DominanceLevels,
    double AltcoinSeason,
    double BitcoinSeason)
{
    public ImmutableArray<HistoryPoint> SeriesOf(string symbol) =>
        Series.TryGetValue(symbol, out var points) && !points.IsDefault ? points : [];
}
