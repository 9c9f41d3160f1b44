using AltseasonLive.Statistics.Altseason;

namespace AltseasonLive.History.Coins;

/// <summary>
/// Daily Altcoin Season Index over a <see cref="CoinPanel"/>: every coin the panel holds is a candidate, with its market
/// cap and price on the day and its price exactly the look-back earlier; <see cref="AltseasonIndexRule"/> (the one
/// definition the grains use too) decides eligibility, the top-N cut and coverage.
/// </summary>
public static class AltcoinSeasonIndex
{
    public static AltcoinSeasonDay Compute(CoinPanel panel, DateOnly date, AltseasonIndexParameters parameters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.LookbackDays, 1);
        var start = date.AddDays(-parameters.LookbackDays);
        double? btcNow = null, btcThen = null;
        if (panel.TryGet(AltseasonIndexRule.Benchmark, out var btc))
        {
            btcNow = btc.TryGet(date, out var now) ? now.Price : null;
            btcThen = btc.TryGet(start, out var then) ? then.Price : null;
        }

        var result = AltseasonIndexRule.Compute(btcNow, btcThen, Candidates(panel, date, start), parameters);
        return new AltcoinSeasonDay(date, result.Index, result.CoinsCounted, result.CoinsBeatBtc, result.Coverage, result.Note);
    }

    /// <summary>One value per day from the panel's first to last date (or the given range), including insufficient days.</summary>
    public static IEnumerable<AltcoinSeasonDay> ComputeRange(CoinPanel panel, AltseasonIndexParameters parameters, DateOnly? from = null, DateOnly? to = null)
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
            yield return Compute(panel, d, parameters);
        }
    }

    private static IEnumerable<AltseasonCandidate> Candidates(CoinPanel panel, DateOnly date, DateOnly start)
    {
        foreach (var coin in panel.Coins)
        {
            if (coin.TryGet(date, out var now) && coin.TryGet(start, out var then))
            {
                yield return new AltseasonCandidate(coin.Symbol, now.MarketCap, now.Price, then.Price);
            }
        }
    }
}
