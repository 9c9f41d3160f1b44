namespace AltseasonLive.History;

/// <summary>Logical names of the bundled and derived daily series; the same strings are used as tick symbols.</summary>
public static class HistorySymbols
{
    /// <summary>Russell 2000 index close (index points, Yahoo ^RUT).</summary>
    public const string Rut = "RUT";

    /// <summary>TradingView CRYPTOCAP:TOTAL3, total crypto cap excluding BTC and ETH (USD).</summary>
    public const string Total3 = "TOTAL3";

    /// <summary>TradingView BTC dominance (percent).</summary>
    public const string BtcDominance = "BTC.D";

    /// <summary>TradingView ETH dominance (percent).</summary>
    public const string EthDominance = "ETH.D";

    /// <summary>Derived USDT dominance (percent).</summary>
    public const string UsdtDominance = "USDT.D";

    /// <summary>Derived total crypto cap, TradingView definition (USD).</summary>
    public const string Total = "TOTAL";

    /// <summary>Derived total crypto cap excluding BTC (USD).</summary>
    public const string Total2 = "TOTAL2";

    /// <summary>Bitcoin price (USD; Binance USDT quote where CoinGecko has no value).</summary>
    public const string Btc = "BTC";

    /// <summary>Ether price (USD; Binance USDT quote where CoinGecko has no value).</summary>
    public const string Eth = "ETH";

    /// <summary>Bitcoin market cap (USD, CryptoQuant).</summary>
    public const string BtcMarketCap = "BTC.MCAP";

    /// <summary>Ether market cap (USD, CryptoQuant).</summary>
    public const string EthMarketCap = "ETH.MCAP";

    /// <summary>Tether market cap (USD; CoinGecko to 2020, DefiLlama from 2021).</summary>
    public const string UsdtMarketCap = "USDT.MCAP";

    /// <summary>Every name <see cref="BundledHistory.Series(string)"/> accepts.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Rut, Total3, BtcDominance, EthDominance, UsdtDominance, Total, Total2, Btc, Eth, BtcMarketCap, EthMarketCap, UsdtMarketCap,
    ];
}
