using AltseasonLive.Grains.Interfaces.Assets;

namespace AltseasonLive.Grains.Market;

/// <summary>
/// TradingView-style aggregates from coin market caps (USD): TOTAL sums coins and stablecoins (wrapped and staked
/// tokens would count their underlying twice); TOTAL2 excludes BTC, TOTAL3 BTC and ETH; dominances are percent of TOTAL.
/// Nothing is computed until BTC's cap is known, and nothing when the sum is not a finite positive number.
/// A feed-supplied aggregate (a whole-market TOTAL3 beside caps of a top-50 universe) is a floor for the computed ones
/// above it, so that TOTAL &gt;= TOTAL2 &gt;= TOTAL3 and the dominances stay within 0..100 whatever the sources.
/// </summary>
public static class CompositeSeries
{
    public static readonly string[] Symbols = ["TOTAL", "TOTAL2", "TOTAL3", "BTC.D", "ETH.D", "USDT.D"];

    /// <param name="caps">Market caps by coin (USD).</param>
    /// <param name="classOf">The class of a symbol, or null when unknown.</param>
    /// <param name="supplied">Latest feed-supplied aggregates by symbol (USD); null or empty when none is supplied.</param>
    public static Dictionary<string, double> Compute(
        IReadOnlyDictionary<string, double> caps, Func<string, AssetClass?> classOf, IReadOnlyDictionary<string, double>? supplied = null)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!caps.TryGetValue("BTC", out var btc))
        {
            return result;
        }

        var total = 0.0;
        foreach (var (symbol, cap) in caps)
        {
            if (classOf(symbol) is AssetClass.Coin or AssetClass.Stablecoin)
            {
                total += cap;
            }
        }

        if (!(total > 0 && double.IsFinite(total)))
        {
            return result;
        }

        var hasEth = caps.TryGetValue("ETH", out var eth);
        var total3 = hasEth ? Math.Max(0, total - btc - eth) : double.NaN;
        var total2 = Math.Max(0, total - btc);
        if (supplied is { Count: > 0 })
        {
            // Raise each computed level to the supplied level below it plus the caps between them.
            if (hasEth && supplied.TryGetValue("TOTAL3", out var s3))
            {
                total3 = s3;
                total2 = Math.Max(total2, s3 + eth);
            }

            if (supplied.TryGetValue("TOTAL2", out var s2))
            {
                total2 = s2;
            }

            total = Math.Max(total, total2 + btc);
            if (supplied.TryGetValue("TOTAL", out var s1))
            {
                total = Math.Max(s1, total2 + btc);
            }
        }

        result["TOTAL"] = total;
        result["TOTAL2"] = total2;
        result["BTC.D"] = Math.Clamp(100 * btc / total, 0, 100);
        if (hasEth)
        {
            result["TOTAL3"] = Math.Min(total3, total2);
            result["ETH.D"] = Math.Clamp(100 * eth / total, 0, 100);
        }

        if (caps.TryGetValue("USDT", out var usdt))
        {
            result["USDT.D"] = Math.Clamp(100 * usdt / total, 0, 100);
        }

        return result;
    }
}
