namespace AltseasonLive.Statistics.Altseason;

/// <summary>
/// The one definition of the Altcoin Season Index, used by the grains (live) and by the <c>altseason</c> CLI (bundled
/// panel). On day D a coin is eligible when <see cref="CoinKindClassifier"/> calls it a coin, it is not BTC (the
/// benchmark), and it has a market cap on D and closes on D and on exactly D minus the look-back. Of the eligible coins
/// the top N by that market cap (ties by symbol, ordinal) are counted; the index is the percent of them whose close
/// ratio beat BTC's over the same days. Fewer than the minimum counted coins, or no BTC closes, leave it undefined.
/// </summary>
public static class AltseasonIndexRule
{
    /// <summary>The benchmark's product symbol.</summary>
    public const string Benchmark = "BTC";

    /// <summary>Whether a symbol may count at all (a coin by classification and not the benchmark).</summary>
    public static bool IsMember(string symbol) =>
        !string.Equals(symbol, Benchmark, StringComparison.OrdinalIgnoreCase) && CoinKindClassifier.Classify(symbol) == CoinKind.Coin;

    /// <summary>
    /// The index from BTC's closes on D and D minus the look-back (USD; null when missing) and the day's candidates
    /// (any order; ineligible ones are skipped here).
    /// </summary>
    public static AltseasonIndexResult Compute(double? btcNow, double? btcThen, IEnumerable<AltseasonCandidate> candidates, AltseasonIndexParameters parameters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.TopN, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.LookbackDays, 1);
        if (!(btcNow > 0) || !(btcThen > 0))
        {
            return new AltseasonIndexResult(null, 0, 0, AltseasonCoverage.Insufficient, "insufficient: no BTC price for the look-back");
        }

        var btcReturn = btcNow!.Value / btcThen!.Value;
        var eligible = new List<(string Symbol, double Cap, double Return)>();
        foreach (var c in candidates)
        {
            if (c.MarketCap > 0 && c.PriceNow > 0 && c.PriceThen > 0 && IsMember(c.Symbol))
            {
                eligible.Add((c.Symbol, c.MarketCap.Value, c.PriceNow.Value / c.PriceThen.Value));
            }
        }

        eligible.Sort(static (x, y) => y.Cap.CompareTo(x.Cap) is var byCap && byCap != 0 ? byCap : string.CompareOrdinal(x.Symbol, y.Symbol));
        var counted = Math.Min(parameters.TopN, eligible.Count);
        var beat = 0;
        for (var i = 0; i < counted; i++)
        {
            if (eligible[i].Return > btcReturn)
            {
                beat++;
            }
        }

        if (counted < Math.Max(1, parameters.MinimumCoins))
        {
            return new AltseasonIndexResult(null, counted, beat, AltseasonCoverage.Insufficient,
                $"insufficient: {counted} coins with {parameters.LookbackDays}-day data, fewer than {parameters.MinimumCoins}");
        }

        var coverage = counted == parameters.TopN ? AltseasonCoverage.Full : AltseasonCoverage.Partial;
        var note = coverage == AltseasonCoverage.Full ? "full" : $"partial: {counted} of {parameters.TopN} coins";
        return new AltseasonIndexResult(100.0 * beat / counted, counted, beat, coverage, note);
    }
}
