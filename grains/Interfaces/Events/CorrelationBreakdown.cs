using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.Grains.Interfaces.Events;

/// <summary>
/// A shorter window fell below its usual range [<see cref="BandLower"/>, <see cref="BandUpper"/>] while the same pair's
/// longest window (<see cref="LongWindow"/>) still held at <see cref="LongValue"/>, above the hold threshold.
/// Volatilities are the legs' per-bar standard deviations in the window (see <see cref="CorrelationValue"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CorrelationBreakdown(
    long Sequence,
    long TimeMs,
    [property: Id(0)] PairWindowKey Pair,
    [property: Id(1)] double Value,
    [property: Id(2)] double BandLower,
    [property: Id(3)] double BandUpper,
    [property: Id(4)] double VolatilityA,
    [property: Id(5)] double VolatilityB,
    [property: Id(6)] int LongWindow,
    [property: Id(7)] double LongValue) : MarketEvent(Sequence, TimeMs)
{
    public override EventKind Kind => EventKind.CorrelationBreakdown;

    public override string Describe() =>
        $"{Pair.PairName} {Pair.Window}-bar {Pair.Mode} correlation broke down to {EventFormat.Num(Value)}, below its usual range " +
        $"{EventFormat.Num(BandLower)}..{EventFormat.Num(BandUpper)}, while the {LongWindow}-bar one holds at {EventFormat.Num(LongValue)}";
}
