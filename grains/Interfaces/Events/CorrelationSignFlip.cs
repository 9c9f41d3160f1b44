using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.Grains.Interfaces.Events;

/// <summary>
/// The correlation crossed zero and went beyond the hysteresis (<see cref="Hysteresis"/>, a correlation, 0.05 by
/// default): <see cref="Negative"/> tells the new side. The dates it claims (bar starts, UTC epoch ms), each checkable
/// against the correlation series alone: <see cref="PreviousTimeMs"/> is the last bar before the current run on this
/// side of zero on which the value was on this side (strictly below zero for a negative flip), null when never;
/// <see cref="PreviousBeyondTimeMs"/> is the last bar before this one on which it was beyond the hysteresis on this side.
/// The text reads "first run below zero since <c>PreviousTimeMs</c>", and adds "last below -0.05 on
/// <c>PreviousBeyondTimeMs</c>" when that is another day.
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
    [property: Id(7)] long? PreviousTimeMs,
    [property: Id(8)] long? PreviousBeyondTimeMs = null,
    [property: Id(9)] double Hysteresis = 0.05) : MarketEvent(Sequence, TimeMs)
{
    public override EventKind Kind => EventKind.CorrelationSignFlip;

    public override string Describe()
    {
        var side = Negative ? "below zero" : "above zero";
        var beyond = Negative ? $"below -{EventFormat.Num(Hysteresis)}" : $"above +{EventFormat.Num(Hysteresis)}";
        var text = $"{Pair.PairName} {Pair.Window}-bar {Pair.Mode} correlation turned {(Negative ? "negative" : "positive")} ({EventFormat.Num(Value)}), " +
            (PreviousTimeMs is { } previous ? $"first run {side} since {EventFormat.Date(previous)}" : $"first run {side} on record");
        return PreviousBeyondTimeMs is { } far && far != PreviousTimeMs ? $"{text}; last {beyond} on {EventFormat.Date(far)}" : text;
    }
}
