using AltseasonLive.History;
using AltseasonLive.History.Coins;

namespace AltseasonLive.Feeds.Synthetic;

/// <summary>
/// Where a synthetic run starts: the Russell 2000 level, BTC and ETH (price + cap), the other coins, the TOTAL3 level
/// (USD) and the USDT cap (USD). <see cref="FromHistory"/> takes the last bundled values so the live feed continues the replay.
/// </summary>
public sealed record SyntheticStart(
    double Rut,
    SyntheticAsset Btc,
    SyntheticAsset Eth,
    IReadOnlyList<SyntheticAsset> Coins,
    double Total3,
    double UsdtMarketCap)
{
    /// <summary>Round numbers close to early-2026 levels, for tests and hosts without history.</summary>
    public static SyntheticStart Default { get; } = new(
        2600,
        new SyntheticAsset(HistorySymbols.Btc, 90_000, 1.8e12),
        new SyntheticAsset(HistorySymbols.Eth, 3_000, 3.6e11),
        [new SyntheticAsset("SOL", 130, 7.0e10), new SyntheticAsset("XRP", 2, 1.2e11), new SyntheticAsset("ADA", 0.4, 1.4e10)],
        7.5e11,
        1.8e11);

    /// <summary>The last bundled values of each series, and the coins of the last day with per-coin data (at most <paramref name="maxCoins"/> by cap).</summary>
    public static SyntheticStart FromHistory(BundledHistory history, int maxCoins = 20)
    {
        static double Last(BundledHistory h, string symbol) => h.Series(symbol)[h.Series(symbol).Count - 1].Close;

        var btcPrice = Last(history, HistorySymbols.Btc);
        var ethPrice = Last(history, HistorySymbols.Eth);
        var lastCoinDay = history.Coins.Coins
            .Where(c => c.Class == CoinClass.Coin && c.Days.Length > 0)
            .Select(c => c.Days[^1].Date)
            .DefaultIfEmpty()
            .Max();
        var latest = history.Coins.Coins
            .Where(c => c.Class == CoinClass.Coin && c.Symbol is not (HistorySymbols.Btc or HistorySymbols.Eth))
            .Select(c => (c.Symbol, Ok: c.TryGet(lastCoinDay, out var d), Day: d))
            .Where(x => x.Ok && x.Day.MarketCap is not null)
            .OrderByDescending(x => x.Day.MarketCap)
            .Take(maxCoins)
            .Select(x => new SyntheticAsset(x.Symbol, x.Day.Price, x.Day.MarketCap))
            .ToArray();
        return new SyntheticStart(
            Last(history, HistorySymbols.Rut),
            new SyntheticAsset(HistorySymbols.Btc, btcPrice, Last(history, HistorySymbols.BtcMarketCap)),
            new SyntheticAsset(HistorySymbols.Eth, ethPrice, Last(history, HistorySymbols.EthMarketCap)),
            latest,
            Last(history, HistorySymbols.Total3),
            Last(history, HistorySymbols.UsdtMarketCap));
    }

    /// <summary>
    /// Every symbol a feed built from this start publishes: the Russell 2000, BTC, ETH, the coins, TOTAL3 and the three dominances.
    /// </summary>
    public IReadOnlyList<string> Symbols =>
    [
        HistorySymbols.Rut, Btc.Symbol, Eth.Symbol, .. Coins.Select(c => c.Symbol), HistorySymbols.Total3,
        HistorySymbols.BtcDominance, HistorySymbols.EthDominance, HistorySymbols.UsdtDominance,
    ];

    /// <summary>
    /// This start moved to the last prices a market holds (symbols missing from <paramref name="lastPrices"/> keep their
    /// start). Supplies stay fixed, so market caps scale with the price. The USDT cap is derived from USDT.D (percent) and
    /// the total cap (TOTAL3 + BTC cap + ETH cap), as the feed computes dominance, so the first dominances continue the
    /// held ones; it keeps its start value when that is not possible or would leave no room in TOTAL3.
    /// </summary>
    public SyntheticStart ResumedAt(IReadOnlyDictionary<string, double> lastPrices)
    {
        double Price(string symbol, double fallback) =>
            lastPrices.TryGetValue(symbol, out var p) && p > 0 && double.IsFinite(p) ? p : fallback;

        SyntheticAsset Move(SyntheticAsset asset)
        {
            var price = Price(asset.Symbol, asset.Price);
            return new SyntheticAsset(asset.Symbol, price, asset.MarketCap * (price / asset.Price));
        }

        var btc = Move(Btc);
        var eth = Move(Eth);
        var total3 = Price(HistorySymbols.Total3, Total3);
        var usdtCap = UsdtMarketCap;
        if (btc.MarketCap is { } btcCap && eth.MarketCap is { } ethCap && lastPrices.TryGetValue(HistorySymbols.UsdtDominance, out var usdtDominance))
        {
            var derived = usdtDominance / 100 * (total3 + btcCap + ethCap);
            if (derived > 0 && derived < total3)
            {
                usdtCap = derived;
            }
        }

        return new SyntheticStart(Price(HistorySymbols.Rut, Rut), btc, eth, [.. Coins.Select(Move)], total3, usdtCap);
    }
}
