namespace AltseasonLive.Feeds.Live.CoinGecko;

/// <summary>
/// CoinGecko's own <c>/global</c> figures beside the product's TOTAL-of-125 ones (CoinGecko counts every listed coin, so
/// its dominances run lower): total market cap USD, BTC/ETH/USDT dominance in percent, at <see cref="AsOf"/> (UTC ms).
/// </summary>
public sealed record GlobalCrossCheck(double? TotalMarketCap, double? BtcDominance, double? EthDominance, double? UsdtDominance, long AsOf);
