using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.Grains.Interfaces.Events;

/// <summary>
/// The correlation crossed zero (beyond the hysteresis): <see cref="Negative"/> tells the new side.
/// <see cref="PreviousTimeMs"/> is the last bar (UTC epoch ms) the correlation was on that side before; null when never.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CorrelationSignFlip(
    long Sequence,
    long TimeMs,
    [property: Id(0)] PairWindowKey Pair,
    [property: Id(1)] double Value,
    [property: Id(2)] double? BandLower,
    [property: Id(3)] double? BandUpper,
    [property: Id(4)] double VolatilityA,
    [property: Id(5)] double VolatilityB,
    [property: Id(6)] bool Negative,
    [property: Id(7)] long? PreviousTimeMs) : MarketEvent(Sequence, TimeMs)
{
    public override EventKind Kind => EventKind.CorrelationSignFlip;

    public override string Describe() =>
        $"{Pair.PairName} {Pair.Window}-bar {Pair.Mode} correlation turned {(Negative ? "negative" : "positive")} ({EventFormat.Num(Value)}), " +
        (PreviousTimeMs is { } previous ? $"first time since {EventFormat.Date(previous)}" : "first time on record");
}
