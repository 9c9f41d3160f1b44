using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.Grains.Configuration;

/// <summary>
/// The seed universe applied where configuration leaves a list empty. Coins are the largest by market cap in late
/// 2025 (circulating supply in units, approximate; feeds that send market caps override price x supply), with
/// stablecoins and wrapped/staked tokens classed so that TOTAL and the Altcoin Season Index can exclude them.
/// </summary>
public static class DefaultUniverse
{
    public static IReadOnlyList<AssetOptions> Assets { get; } =
    [
        new() { Symbol = "RUT", Class = AssetClass.EquityIndex, Name = "Russell 2000" },
        new() { Symbol = "SPX", Class = AssetClass.EquityIndex, Name = "S&P 500" },
        new() { Symbol = "TOTAL", Class = AssetClass.Composite, Name = "Crypto total market cap" },
        new() { Symbol = "TOTAL2", Class = AssetClass.Composite, Name = "Total market cap excluding BTC" },
        new() { Symbol = "TOTAL3", Class = AssetClass.Composite, Name = "Total market cap excluding BTC and ETH" },
        new() { Symbol = "BTC.D", Class = AssetClass.Dominance, Name = "Bitcoin dominance" },
        new() { Symbol = "ETH.D", Class = AssetClass.Dominance, Name = "Ether dominance" },
        new() { Symbol = "USDT.D", Class = AssetClass.Dominance, Name = "Tether dominance" },
        new() { Symbol = "BTC", Class = AssetClass.Coin, Supply = 19950000, Name = "Bitcoin" },
        new() { Symbol = "ETH", Class = AssetClass.Coin, Supply = 120700000, Name = "Ethereum" },
        new() { Symbol = "USDT", Class = AssetClass.Stablecoin, Supply = 184000000000, Name = "Tether" },
        new() { Symbol = "XRP", Class = AssetClass.Coin, Supply = 60200000000, Name = "XRP" },
        new() { Symbol = "BNB", Class = AssetClass.Coin, Supply = 137700000, Name = "BNB" },
        new() { Symbol = "SOL", Class = AssetClass.Coin, Supply = 555000000, Name = "Solana" },
        new() { Symbol = "USDC", Class = AssetClass.Stablecoin, Supply = 75000000000, Name = "USD Coin" },
        new() { Symbol = "STETH", Class = AssetClass.Wrapped, Supply = 9100000, Name = "Lido Staked Ether" },
        new() { Symbol = "TRX", Class = AssetClass.Coin, Supply = 94700000000, Name = "TRON" },
        new() { Symbol = "DOGE", Class = AssetClass.Coin, Supply = 151500000000, Name = "Dogecoin" },
        new() { Symbol = "ADA", Class = AssetClass.Coin, Supply = 36600000000, Name = "Cardano" },
        new() { Symbol = "WSTETH", Class = AssetClass.Wrapped, Supply = 3300000, Name = "Wrapped stETH" },
        new() { Symbol = "WBTC", Class = AssetClass.Wrapped, Supply = 128000, Name = "Wrapped Bitcoin" },
        new() { Symbol = "HYPE", Class = AssetClass.Coin, Supply = 337000000, Name = "Hyperliquid" },
        new() { Symbol = "LINK", Class = AssetClass.Coin, Supply = 697000000, Name = "Chainlink" },
        new() { Symbol = "WBETH", Class = AssetClass.Wrapped, Supply = 3600000, Name = "Wrapped Beacon ETH" },
        new() { Symbol = "BCH", Class = AssetClass.Coin, Supply = 19950000, Name = "Bitcoin Cash" },
        new() { Symbol = "USDE", Class = AssetClass.Stablecoin, Supply = 7000000000, Name = "Ethena USDe" },
        new() { Symbol = "WEETH", Class = AssetClass.Wrapped, Supply = 2300000, Name = "Wrapped eETH" },
        new() { Symbol = "XLM", Class = AssetClass.Coin, Supply = 32000000000, Name = "Stellar" },
        new() { Symbol = "LEO", Class = AssetClass.Coin, Supply = 922000000, Name = "UNUS SED LEO" },
        new() { Symbol = "SUI", Class = AssetClass.Coin, Supply = 3700000000, Name = "Sui" },
        new() { Symbol = "ZEC", Class = AssetClass.Coin, Supply = 16300000, Name = "Zcash" },
        new() { Symbol = "AVAX", Class = AssetClass.Coin, Supply = 429000000, Name = "Avalanche" },
        new() { Symbol = "HBAR", Class = AssetClass.Coin, Supply = 42500000000, Name = "Hedera" },
        new() { Symbol = "LTC", Class = AssetClass.Coin, Supply = 76500000, Name = "Litecoin" },
        new() { Symbol = "XMR", Class = AssetClass.Coin, Supply = 18450000, Name = "Monero" },
        new() { Symbol = "SHIB", Class = AssetClass.Coin, Supply = 589000000000000, Name = "Shiba Inu" },
        new() { Symbol = "DAI", Class = AssetClass.Stablecoin, Supply = 5300000000, Name = "Dai" },
        new() { Symbol = "TON", Class = AssetClass.Coin, Supply = 2550000000, Name = "Toncoin" },
        new() { Symbol = "CRO", Class = AssetClass.Coin, Supply = 36500000000, Name = "Cronos" },
        new() { Symbol = "DOT", Class = AssetClass.Coin, Supply = 1630000000, Name = "Polkadot" },
        new() { Symbol = "USD1", Class = AssetClass.Stablecoin, Supply = 3000000000, Name = "World Liberty USD" },
        new() { Symbol = "MNT", Class = AssetClass.Coin, Supply = 3250000000, Name = "Mantle" },
        new() { Symbol = "UNI", Class = AssetClass.Coin, Supply = 630000000, Name = "Uniswap" },
        new() { Symbol = "TAO", Class = AssetClass.Coin, Supply = 10000000, Name = "Bittensor" },
        new() { Symbol = "BGB", Class = AssetClass.Coin, Supply = 700000000, Name = "Bitget Token" },
        new() { Symbol = "AAVE", Class = AssetClass.Coin, Supply = 15300000, Name = "Aave" },
        new() { Symbol = "WLFI", Class = AssetClass.Coin, Supply = 27200000000, Name = "World Liberty Financial" },
        new() { Symbol = "PYUSD", Class = AssetClass.Stablecoin, Supply = 2700000000, Name = "PayPal USD" },
        new() { Symbol = "OKB", Class = AssetClass.Coin, Supply = 21000000, Name = "OKB" },
        new() { Symbol = "NEAR", Class = AssetClass.Coin, Supply = 1280000000, Name = "NEAR Protocol" },
        new() { Symbol = "ENA", Class = AssetClass.Coin, Supply = 7200000000, Name = "Ethena" },
        new() { Symbol = "ETC", Class = AssetClass.Coin, Supply = 153500000, Name = "Ethereum Classic" },
        new() { Symbol = "PEPE", Class = AssetClass.Coin, Supply = 420690000000000, Name = "Pepe" },
        new() { Symbol = "ICP", Class = AssetClass.Coin, Supply = 540000000, Name = "Internet Computer" },
        new() { Symbol = "APT", Class = AssetClass.Coin, Supply = 720000000, Name = "Aptos" },
        new() { Symbol = "ONDO", Class = AssetClass.Coin, Supply = 3160000000, Name = "Ondo" },
        new() { Symbol = "ASTER", Class = AssetClass.Coin, Supply = 2000000000, Name = "Aster" },
        new() { Symbol = "POL", Class = AssetClass.Coin, Supply = 10500000000, Name = "Polygon" },
        new() { Symbol = "KAS", Class = AssetClass.Coin, Supply = 26800000000, Name = "Kaspa" },
        new() { Symbol = "ALGO", Class = AssetClass.Coin, Supply = 8800000000, Name = "Algorand" },
        new() { Symbol = "ARB", Class = AssetClass.Coin, Supply = 5400000000, Name = "Arbitrum" },
        new() { Symbol = "ATOM", Class = AssetClass.Coin, Supply = 488000000, Name = "Cosmos" },
        new() { Symbol = "VET", Class = AssetClass.Coin, Supply = 86000000000, Name = "VeChain" },
        new() { Symbol = "FIL", Class = AssetClass.Coin, Supply = 700000000, Name = "Filecoin" },
        new() { Symbol = "RENDER", Class = AssetClass.Coin, Supply = 518000000, Name = "Render" },
        new() { Symbol = "SKY", Class = AssetClass.Coin, Supply = 21600000000, Name = "Sky" },
        new() { Symbol = "TRUMP", Class = AssetClass.Coin, Supply = 200000000, Name = "Official Trump" },
        new() { Symbol = "QNT", Class = AssetClass.Coin, Supply = 14500000, Name = "Quant" },
        new() { Symbol = "WLD", Class = AssetClass.Coin, Supply = 2200000000, Name = "Worldcoin" },
        new() { Symbol = "SEI", Class = AssetClass.Coin, Supply = 6200000000, Name = "Sei" },
        new() { Symbol = "JUP", Class = AssetClass.Coin, Supply = 3100000000, Name = "Jupiter" },
        new() { Symbol = "FET", Class = AssetClass.Coin, Supply = 2600000000, Name = "Artificial Superintelligence Alliance" },
        new() { Symbol = "BONK", Class = AssetClass.Coin, Supply = 82000000000000, Name = "Bonk" },
        new() { Symbol = "INJ", Class = AssetClass.Coin, Supply = 100000000, Name = "Injective" },
        new() { Symbol = "TIA", Class = AssetClass.Coin, Supply = 800000000, Name = "Celestia" },
        new() { Symbol = "OP", Class = AssetClass.Coin, Supply = 1900000000, Name = "Optimism" },
        new() { Symbol = "STX", Class = AssetClass.Coin, Supply = 1800000000, Name = "Stacks" },
        new() { Symbol = "IMX", Class = AssetClass.Coin, Supply = 1900000000, Name = "Immutable" },
    ];

    /// <summary>
    /// The bundled coin panel's ordinary coins that <see cref="Assets"/> does not list (CoinGecko 2019-22 and 2024-26),
    /// so that the index over a replay counts every coin the <c>altseason</c> CLI counts. A test pins that it covers the panel.
    /// </summary>
    public static IReadOnlyList<string> Coins { get; } =
    [
        "AR", "BAL", "CAKE", "CC", "COMP", "CRV", "DYDX", "EOS", "FTM", "FTT", "GRT", "HNT", "KNCL", "KSM", "LRC", "LUNA",
        "MATIC", "MKR", "OHM", "RAY", "REN", "SAFEMOON", "SNX", "SRM", "SUSHI", "THETA", "WBT", "XTZ", "YFI",
    ];

    public static IReadOnlyList<PairOptions> Pairs { get; } =
    [
        new() { Anchor = "RUT", Partner = "TOTAL3" },
        new() { Anchor = "RUT", Partner = "BTC" },
        new() { Anchor = "RUT", Partner = "ETH" },
        new() { Anchor = "RUT", Partner = "TOTAL2" },
    ];

    public static IReadOnlyList<int> Windows { get; } = [30, 90, 365];

    public static IReadOnlyList<CorrelationMode> Modes { get; } = [CorrelationMode.Returns, CorrelationMode.Levels];

    public static IReadOnlyList<string> AllTimeHighSymbols { get; } = ["RUT"];

    public static IReadOnlyList<StreakOptions> Streaks { get; } = [new() { Symbol = "RUT", Benchmark = "SPX" }];

    public static IReadOnlyDictionary<string, double[]> DominanceLevels { get; } = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["BTC.D"] = [50, 55, 57, 59, 60],
        ["ETH.D"] = [10, 12.5, 15],
        ["USDT.D"] = [4.5, 5.5, 6.47],
    };

    /// <summary>Fills every list the configuration left empty.</summary>
    public static void ApplyTo(UniverseOptions options)
    {
        if (options.Assets.Count == 0)
        {
            options.Assets.AddRange(Assets.Select(a => new AssetOptions { Symbol = a.Symbol, Class = a.Class, Supply = a.Supply, Name = a.Name }));
        }

        if (options.Pairs.Count == 0)
        {
            options.Pairs.AddRange(Pairs.Select(p => new PairOptions { Anchor = p.Anchor, Partner = p.Partner }));
        }

        if (options.Windows.Count == 0)
        {
            options.Windows.AddRange(Windows);
        }

        if (options.Modes.Count == 0)
        {
            options.Modes.AddRange(Modes);
        }

        if (options.AllTimeHighSymbols.Count == 0)
        {
            options.AllTimeHighSymbols.AddRange(AllTimeHighSymbols);
        }

        if (options.Streaks.Count == 0)
        {
            options.Streaks.AddRange(Streaks.Select(s => new StreakOptions { Symbol = s.Symbol, Benchmark = s.Benchmark }));
        }

        if (options.Coins.Count == 0)
        {
            options.Coins.AddRange(Coins);
        }
    }

    /// <summary>Fills the dominance levels when the configuration gives none.</summary>
    public static void ApplyTo(MarketSignalOptions options)
    {
        if (options.DominanceLevels.Count == 0)
        {
            foreach (var (symbol, levels) in DominanceLevels)
            {
                options.DominanceLevels[symbol] = [.. levels];
            }
        }
    }
}
