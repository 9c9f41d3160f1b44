namespace AltseasonLive.Statistics.Altseason;

/// <summary>
/// The one classification of coins by product symbol (case-insensitive) that the Altcoin Season Index uses, for the
/// bundled panel and for live coins alike. The lists cover every stablecoin, wrapped/staked and asset-backed symbol in
/// the bundled CoinGecko files plus common ones a live feed may bring; anything else is an ordinary coin.
/// </summary>
public static class CoinKindClassifier
{
    private static readonly HashSet<string> Stablecoins = new(StringComparer.OrdinalIgnoreCase)
    {
        "USDT", "USDC", "DAI", "BUSD", "USDS", "USDE", "PYUSD", "USD1", "BSC-USD", "USDT0", "TUSD", "FDUSD", "USDP", "GUSD",
        "PAX", "HUSD", "SAI", "FRAX", "LUSD", "USDD", "RLUSD", "USDTB", "USDG", "USDF", "USDX", "EURC",
    };

    private static readonly HashSet<string> WrappedOrStaked = new(StringComparer.OrdinalIgnoreCase)
    {
        "STETH", "WSTETH", "WBTC", "WBETH", "WETH", "WEETH", "CBBTC", "SUSDE", "SUSDS", "RETH", "CBETH", "METH", "JITOSOL",
        "MSOL", "BTCB", "RENBTC", "HBTC", "LBTC", "SOLVBTC", "RSETH", "EZETH", "BNSOL", "JUPSOL", "WBNB", "CLBTC", "TBTC",
    };

    private static readonly HashSet<string> AssetBacked = new(StringComparer.OrdinalIgnoreCase)
    {
        "FIGR_HELOC", "PAXG", "XAUT", "BUIDL", "USYC", "OUSG",
    };

    public static CoinKind Classify(string symbol) =>
        Stablecoins.Contains(symbol) ? CoinKind.Stablecoin
        : WrappedOrStaked.Contains(symbol) ? CoinKind.WrappedOrStaked
        : AssetBacked.Contains(symbol) ? CoinKind.AssetBacked
        : CoinKind.Coin;
}
