namespace AltseasonLive.History.Coins;

/// <summary>One coin on one UTC day: price and market cap in USD (market cap null when the source has none or zero).</summary>
public readonly record struct CoinDay(DateOnly Date, double Price, double? MarketCap);
