using AltseasonLive.Grains.Interfaces.Assets;

namespace AltseasonLive.Grains.Market;

/// <summary>
/// TradingView-style aggregates from coin market caps (USD): TOTAL sums coins and stablecoins (wrapped and staked
/// tokens would count their underlying twice); TOTAL2 excludes BTC, TOTAL3 BTC and ETH; dominances are percent of TOTAL.
/// Nothing is computed until BTC's cap is known.
/// </summary>
public static class CompositeSeries
{
    public static readonly string[] Symbols = ["TOTAL", "TOTAL2", "TOTAL3", "BTC.D", "ETH.D", "USDT.D"];

    public static Dictionary<string, double> Compute(IReadOnlyDictionary<string, double> caps, Func<string, AssetClass?> classOf)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!caps.TryGetValue("BTC", out var btc))
        {
            return result;
        }

        var total = caps.Where(c => classOf(c.Key) is AssetClass.Coin or AssetClass.Stablecoin).Sum(c => c.Value);
        if (total <= 0)
        {
            return result;
        }

        var eth = caps.GetValueOrDefault("ETH");
        result["TOTAL"] = total;
        result["TOTAL2"] = total - btc;
        result["BTC.D"] = 100 * btc / total;
        if (caps.ContainsKey("ETH"))
        {
            result["TOTAL3"] = total - btc - eth;
            result["ETH.D"] = 100 * eth / total;
        }

        if (caps.TryGetValue("USDT", out var usdt))
        {
            result["USDT.D"] = 100 * usdt / total;
        }

        return result;
    }
}
