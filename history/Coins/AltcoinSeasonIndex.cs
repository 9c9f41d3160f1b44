namespace AltseasonLive.History.Coins;

/// <summary>
/// Daily Altcoin Season Index from a <see cref="CoinPanel"/>: among eligible coins with a market cap today and a price
/// <see cref="AltcoinSeasonOptions.LookbackDays"/> days ago, take the top N by today's market cap and report the percent
/// whose return beat BTC's over the same days.
/// </summary>
public static class AltcoinSeasonIndex
{
    public static AltcoinSeasonDay Compute(CoinPanel panel, DateOnly date, AltcoinSeasonOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TopN, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.LookbackDays, 1);
        var start = date.AddDays(-options.LookbackDays);
        if (!panel.TryGet("BTC", out var btc) || !btc.TryGet(date, out var btcNow) || !btc.TryGet(start, out var btcThen))
        {
            return new AltcoinSeasonDay(date, null, 0, 0, AltseasonCoverage.Insufficient, "insufficient: no BTC price for the look-back");
        }

        var btcReturn = btcNow.Price / btcThen.Price;
        var candidates = new List<(double Cap, double Return)>();
        foreach (var coin in panel.Coins)
        {
            if (coin.Class != CoinClass.Coin || string.Equals(coin.Symbol, "BTC", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (coin.TryGet(date, out var now) && now.MarketCap is { } cap && coin.TryGet(start, out var then) && then.Price > 0)
            {
                candidates.Add((cap, now.Price / then.Price));
            }
        }

        var top = candidates.OrderByDescending(c => c.Cap).Take(options.TopN).ToArray();
        var beat = top.Count(c => c.Return > btcReturn);
        if (top.Length < options.MinimumCoins)
        {
            return new AltcoinSeasonDay(date, null, top.Length, beat, AltseasonCoverage.Insufficient,
                $"insufficient: {top.Length} coins with {options.LookbackDays}-day data, fewer than {options.MinimumCoins}");
        }

        var coverage = top.Length == options.TopN ? AltseasonCoverage.Full : AltseasonCoverage.Partial;
        var note = coverage == AltseasonCoverage.Full ? "full" : $"partial: {top.Length} of {options.TopN} coins";
        return new AltcoinSeasonDay(date, 100.0 * beat / top.Length, top.Length, beat, coverage, note);
    }

    /// <summary>One value per day from the panel's first to last date (or the given range), including insufficient days.</summary>
    public static IEnumerable<AltcoinSeasonDay> ComputeRange(CoinPanel panel, AltcoinSeasonOptions options, DateOnly? from = null, DateOnly? to = null)
    {
        var dates = panel.Dates();
        if (dates.Count == 0)
        {
            yield break;
        }

        var first = from ?? dates[0];
        var last = to ?? dates[^1];
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            yield return Compute(panel, d, options);
        }
    }
}
