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
}
