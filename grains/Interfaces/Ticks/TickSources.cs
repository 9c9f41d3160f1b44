namespace AltseasonLive.Grains.Interfaces.Ticks;

/// <summary>The source labels ticks, snapshots and series carry (shared constants: labelling a tick allocates nothing).</summary>
public static class TickSources
{
    public const string History = "history";
    public const string Binance = "binance";
    public const string Coinbase = "coinbase";
    public const string CoinGecko = "coingecko";
    public const string Yahoo = "yahoo";
    public const string Publisher = "publisher";
    public const string Demo = "demo";
}
