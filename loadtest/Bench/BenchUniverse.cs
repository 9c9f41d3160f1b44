using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.LoadTest.Bench;

/// <summary>
/// The standard benchmark universe: RUT, SPX, BTC, ETH, USDT and 95 coins (100 assets). Every coin, and ETH, is paired
/// with RUT and with BTC, and BTC with RUT; windows 30, 90 and 365 bars; Returns mode only.
/// </summary>
public sealed class BenchUniverse
{
    public const int CoinCount = 95;

    private BenchUniverse(IReadOnlyList<string> symbols, IReadOnlyList<(string Anchor, string[] Partners)> groups)
    {
        Symbols = symbols;
        Groups = groups;
    }

    /// <summary>All 100 symbols; index = column of <see cref="BenchTape"/>.</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>Correlation groups: anchor and its partners.</summary>
    public IReadOnlyList<(string Anchor, string[] Partners)> Groups { get; }

    public static IReadOnlyList<int> Windows { get; } = [30, 90, 365];

    public static IReadOnlyList<string> CoinSymbols { get; } = [.. Enumerable.Range(1, CoinCount).Select(i => $"ALT{i:000}")];

    /// <summary>Pair-windows watched (anchor, partner, window).</summary>
    public int PairWindows => Groups.Sum(g => g.Partners.Length) * Windows.Count;

    public static BenchUniverse Standard()
    {
        string[] symbols = ["RUT", "SPX", "BTC", "ETH", "USDT", .. CoinSymbols];
        string[] rutPartners = ["BTC", "ETH", .. CoinSymbols];
        string[] btcPartners = ["ETH", .. CoinSymbols];
        return new BenchUniverse(symbols, [("RUT", rutPartners), ("BTC", btcPartners)]);
    }

    /// <summary>Replaces the silo's universe with this one (assets, pairs, windows, Returns mode).</summary>
    public void ApplyTo(UniverseOptions options)
    {
        options.Assets.Clear();
        options.Assets.AddRange(Symbols.Select(s => new AssetOptions
        {
            Symbol = s,
            Class = s switch
            {
                "RUT" or "SPX" => AssetClass.EquityIndex,
                "USDT" => AssetClass.Stablecoin,
                _ => AssetClass.Coin,
            },
            Supply = s switch
            {
                "RUT" or "SPX" => null,
                "BTC" => 19_950_000,
                "ETH" => 120_700_000,
                "USDT" => 184_000_000_000,
                _ => 1_000_000_000,
            },
        }));
        options.Pairs.Clear();
        options.Pairs.AddRange(Groups.SelectMany(g => g.Partners.Select(p => new PairOptions { Anchor = g.Anchor, Partner = p })));
        options.Windows.Clear();
        options.Windows.AddRange(Windows);
        options.Modes.Clear();
        options.Modes.Add(CorrelationMode.Returns);
    }
}
