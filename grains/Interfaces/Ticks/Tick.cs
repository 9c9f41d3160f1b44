namespace AltseasonLive.Grains.Interfaces.Ticks;

/// <summary>
/// One price observation from a feed. <paramref name="TimeMs"/> is UTC epoch milliseconds; <paramref name="Price"/> is in USD
/// (for dominance series such as BTC.D, in percent). <paramref name="MarketCap"/> (USD) and <paramref name="Supply"/> (units)
/// are optional: when a feed gives a market cap it wins over price × supply. <paramref name="Source"/> names where the value
/// came from (<c>history</c>, <c>binance</c>, <c>coinbase</c>, <c>coingecko</c>, <c>yahoo</c>, <c>demo</c>; null for a
/// publisher), a shared constant so that a tick allocates nothing for it.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct Tick(
    [property: Id(0)] string Symbol,
    [property: Id(1)] long TimeMs,
    [property: Id(2)] double Price,
    [property: Id(3)] double? MarketCap = null,
    [property: Id(4)] double? Supply = null,
    [property: Id(5)] string? Source = null);
