namespace AltseasonLive.Feeds.Live.CoinGecko;

/// <summary>
/// The market-wide series from one <c>/coins/markets</c> page, as TradingView defines them: TOTAL is the sum of the
/// <c>totalCoins</c> largest market caps (125 for CRYPTOCAP:TOTAL, stablecoins included); TOTAL2 is TOTAL without BTC,
/// TOTAL3 without BTC and ETH; BTC.D, ETH.D and USDT.D are those coins' caps in percent of TOTAL. Caps in USD.
/// </summary>
public static class CoinGeckoComposites
{
    public const string BitcoinId = "bitcoin";
    public const string EthereumId = "ethereum";
    public const string TetherId = "tether";

    /// <summary>Null when the page has no positive caps or lacks bitcoin or ethereum.</summary>
    public static CompositeValues? Compute(IReadOnlyList<(string Id, double MarketCap)> coins, int totalCoins)
    {
        var top = coins.Where(c => c.MarketCap > 0 && double.IsFinite(c.MarketCap)).OrderByDescending(c => c.MarketCap).Take(totalCoins).ToArray();
        double Cap(string id) => top.FirstOrDefault(c => c.Id == id).MarketCap;
        var total = top.Sum(c => c.MarketCap);
        var btc = Cap(BitcoinId);
        var eth = Cap(EthereumId);
        if (!(total > 0) || !(btc > 0) || !(eth > 0))
        {
            return null;
        }

        var usdt = Cap(TetherId);
        return new CompositeValues(total, total - btc, total - btc - eth, 100 * btc / total, 100 * eth / total, usdt > 0 ? 100 * usdt / total : null);
    }
}

/// <summary>TOTAL, TOTAL2, TOTAL3 in USD; BTC.D, ETH.D, USDT.D in percent (USDT.D null when tether is outside the top coins).</summary>
public sealed record CompositeValues(double Total, double Total2, double Total3, double BtcDominance, double EthDominance, double? UsdtDominance);
