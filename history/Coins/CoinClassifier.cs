namespace AltseasonLive.History.Coins;

/// <summary>
/// Classifies the bundled coins by their upper-case symbol. The lists cover every stablecoin, wrapped/staked and
/// asset-backed symbol in the bundled CoinGecko files plus common ones a live feed may bring.
/// </summary>
public static class CoinClassifier
{
    private static readonly HashSet<string> Stablecoins = new(StringComparer.OrdinalIgnoreCase)
    {
        "USDT", "USDC", "DAI", "BUSD", "USDS", "USDE", "PYUSD", "USD1", "BSC-USD", "USDT0", "TUSD", "FDUSD", "USDP", "GUSD",
        "PAX", "HUSD", "SAI", "FRAX", "LUSD", "USDD",
    };

    private static readonly HashSet<string> WrappedOrStaked = new(StringComparer.OrdinalIgnoreCase)
    {
        "STETH", "WSTETH", "WBTC", "WBETH", "WETH", "WEETH", "CBBTC", "SUSDE", "SUSDS", "RETH", "CBETH", "METH", "JITOSOL",
        "MSOL", "BTCB", "RENBTC", "HBTC",
    };

    private static readonly HashSet<string> AssetBacked = new(StringComparer.OrdinalIgnoreCase)
    {
        "FIGR_HELOC", "PAXG", "XAUT",
    };

    public static CoinClass Classify(string symbol) =>
        Stablecoins.Contains(symbol) ? CoinClass.Stablecoin
        : WrappedOrStaked.Contains(symbol) ? CoinClass.WrappedOrStaked
        : AssetBacked.Contains(symbol) ? CoinClass.AssetBacked
        : CoinClass.Coin;
}
