namespace AltseasonLive.Grains.Interfaces.Correlation;

/// <summary>
/// Rolling statistics of one pair-window at <see cref="BarStartMs"/> (UTC epoch ms, start of the bar).
/// <see cref="Count"/> samples out of <see cref="Window"/>; <see cref="Correlation"/> (Pearson, -1..1) is null until
/// defined. Volatilities are standard deviations of the legs' samples in the window (per-bar log returns in Returns
/// mode, price levels in Levels mode). <see cref="Beta"/> is B on A.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CorrelationValue(
    [property: Id(0)] long BarStartMs,
    [property: Id(1)] int Count,
    [property: Id(2)] int Window,
    [property: Id(3)] double? Correlation,
    [property: Id(4)] double VolatilityA,
    [property: Id(5)] double VolatilityB,
    [property: Id(6)] double? Beta,
    [property: Id(7)] double? FisherZ,
    [property: Id(8)] double? FisherZStandardError);
