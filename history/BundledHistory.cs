using System.Collections.Concurrent;
using AltseasonLive.History.Coins;
using AltseasonLive.History.Series;

namespace AltseasonLive.History;

/// <summary>
/// The real daily history bundled in this assembly as embedded CSVs (see data/SOURCES.md), opened by logical name.
/// Series are parsed on first use and cached per instance; the instance is thread-safe. Nothing is read from disk.
/// </summary>
public sealed class BundledHistory
{
    /// <summary>Manifest resource names are this prefix plus the path under data/ with '/' replaced by '.'.</summary>
    public const string ResourcePrefix = "AltseasonLive.History.data.";

    /// <summary>The last day CoinGecko's USDT cap is used; DefiLlama's (TradingView-consistent, complete from 2021) follows.</summary>
    public static readonly DateOnly LastCoinGeckoUsdtDay = new(2020, 12, 31);

    private static readonly System.Reflection.Assembly Assembly = typeof(BundledHistory).Assembly;
    private readonly ConcurrentDictionary<string, Lazy<DailySeries>> _series = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<CoinPanel> _coins;

    public BundledHistory()
    {
        _coins = new Lazy<CoinPanel>(LoadCoinPanel);
    }

    /// <summary>Paths of the bundled CSVs relative to data/, e.g. "tradingview/TOTAL3_daily.csv".</summary>
    public static IReadOnlyList<string> ResourcePaths { get; } =
        Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Opens a bundled CSV by its path relative to data/ ("russell2000/RUT_daily.csv").</summary>
    public static Stream OpenResource(string relativePath)
    {
        var name = ResourcePrefix + relativePath.Replace('\\', '/');
        return Assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"No bundled resource '{relativePath}'. Bundled: {string.Join(", ", ResourcePaths)}");
    }

    /// <summary>Reads the whole text of a bundled CSV.</summary>
    public static string ReadResourceText(string relativePath)
    {
        using var reader = new StreamReader(OpenResource(relativePath));
        return reader.ReadToEnd();
    }

    /// <summary>A named series from <see cref="HistorySymbols.All"/> (case-insensitive).</summary>
    /// <exception cref="KeyNotFoundException">Unknown name; the message lists the valid ones.</exception>
    public DailySeries Series(string name)
    {
        if (!HistorySymbols.All.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new KeyNotFoundException($"Unknown series '{name}'. Valid: {string.Join(", ", HistorySymbols.All)}.");
        }

        return _series.GetOrAdd(name, n => new Lazy<DailySeries>(() => Build(n))).Value;
    }

    /// <summary>Per-coin price and market cap (CoinGecko exports to 2021-10/2022-09 and the top-50 file 2024-12..2026-03).</summary>
    public CoinPanel Coins => _coins.Value;

    private DailySeries Build(string name) => name.ToUpperInvariant() switch
    {
        HistorySymbols.Rut => Read(name, "russell2000/RUT_daily.csv"),
        HistorySymbols.Total3 => Read(name, "tradingview/TOTAL3_daily.csv"),
        HistorySymbols.BtcDominance => Read(name, "tradingview/BTC.D_daily.csv"),
        HistorySymbols.EthDominance => Read(name, "tradingview/ETH.D_daily.csv"),
        HistorySymbols.BtcMarketCap => Read(name, "cryptoquant/btc_market_cap_daily.csv", "market_cap"),
        HistorySymbols.EthMarketCap => Read(name, "cryptoquant/eth_market_cap_daily.csv", "market_cap"),
        HistorySymbols.UsdtMarketCap => DerivedSeries.Switch(
            HistorySymbols.UsdtMarketCap,
            Read(name, "coingecko/usdt_market_cap_daily.csv", "market_cap"),
            LastCoinGeckoUsdtDay,
            Read(name, "defillama/usdt_market_cap_daily.csv", "market_cap")),
        HistorySymbols.Total => DerivedSeries.Total(
            Series(HistorySymbols.Total3), Series(HistorySymbols.BtcDominance), Series(HistorySymbols.EthDominance)),
        HistorySymbols.Total2 => DerivedSeries.Total2(Series(HistorySymbols.Total), Series(HistorySymbols.BtcDominance)),
        HistorySymbols.UsdtDominance => DerivedSeries.UsdtDominance(Series(HistorySymbols.UsdtMarketCap), Series(HistorySymbols.Total)),
        HistorySymbols.Btc => CoinPriceWithFallback(HistorySymbols.Btc, "binance/BTCUSDT_daily.csv"),
        HistorySymbols.Eth => CoinPriceWithFallback(HistorySymbols.Eth, "binance/ETHUSDT_daily.csv"),
        _ => throw new KeyNotFoundException($"Unknown series '{name}'."),
    };

    private DailySeries CoinPriceWithFallback(string symbol, string binancePath)
    {
        var binance = Read(symbol, binancePath);
        return Coins.TryGet(symbol, out var coin)
            ? DerivedSeries.Splice(symbol, new DailySeries(symbol, coin.Days.ToArray().Select(d => new DailyPoint(d.Date, d.Price))), binance)
            : binance;
    }

    private static DailySeries Read(string name, string path, string valueColumn = "close")
    {
        using var reader = new StreamReader(OpenResource(path));
        return DailyCsv.ReadSeries(name.ToUpperInvariant(), reader, "date", valueColumn);
    }

    private static CoinPanel LoadCoinPanel()
    {
        var rows = new Dictionary<string, List<CoinDay>>(StringComparer.OrdinalIgnoreCase);
        // The top-50 file names each coin by CoinGecko id too; product symbols come from CoinSymbols (SPX6900, not SPX).
        foreach (var (path, hasId) in new[] { ("coins/coingecko_exports_daily.csv", false), ("coins/coingecko_top50_daily.csv", true) })
        {
            using var reader = new StreamReader(OpenResource(path));
            string[] columns = hasId ? ["symbol", "date", "price", "market_cap", "id"] : ["symbol", "date", "price", "market_cap"];
            foreach (var row in DailyCsv.ReadRows(reader, columns))
            {
                if (row[2].Length == 0)
                {
                    continue;
                }

                var cap = row[3].Length > 0 ? DailyCsv.ParseDouble(row[3]) : 0;
                var symbol = CoinSymbols.Of(row[0], hasId ? row[4] : null);
                if (!rows.TryGetValue(symbol, out var list))
                {
                    rows[symbol] = list = [];
                }

                list.Add(new CoinDay(DailyCsv.ParseDate(row[1]), DailyCsv.ParseDouble(row[2]), cap > 0 ? cap : null));
            }
        }

        return new CoinPanel(rows.Select(kv => new CoinHistory(kv.Key, CoinClassifier.Classify(kv.Key), kv.Value)));
    }
}
