namespace AltseasonLive.Grains.Interfaces.Assets;

/// <summary>
/// Current view of one symbol. Times are UTC epoch ms, prices USD (percent for dominance series), market cap USD.
/// <see cref="Volatility"/> is the standard deviation of per-bar log returns over <see cref="VolatilityWindow"/> closed
/// bars (a fraction, not annualised); null until the window has filled. <see cref="Source"/> says where the last value came
/// from (<c>history</c>, <c>binance</c>, <c>coinbase</c>, <c>coingecko</c>, <c>yahoo</c>, <c>publisher</c> or <c>demo</c>;
/// null before any), <see cref="AsOf"/> its time (UTC epoch ms).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AssetSnapshot(
    [property: Id(0)] string Symbol,
    [property: Id(1)] AssetClass Class,
    [property: Id(2)] long LastTimeMs,
    [property: Id(3)] double? LastPrice,
    [property: Id(4)] double? MarketCap,
    [property: Id(5)] double? Supply,
    [property: Id(6)] long BarStartMs,
    [property: Id(7)] double? BarOpen,
    [property: Id(8)] double? BarHigh,
    [property: Id(9)] double? BarLow,
    [property: Id(10)] int BarsClosed,
    [property: Id(11)] double? Volatility,
    [property: Id(12)] int VolatilityWindow,
    [property: Id(13)] double? AllTimeHigh,
    [property: Id(14)] long AllTimeHighTimeMs,
    [property: Id(15)] string? Source = null,
    [property: Id(16)] long AsOf = 0);
