using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.Grains.Interfaces.Events;

/// <summary>A pair-window that had broken down (at <see cref="BrokeDownAtMs"/>, UTC epoch ms) is back inside its usual range.</summary>
[GenerateSerializer, Immutable]
public sealed record Recoupling(
    long Sequence,
    long TimeMs,
    [property: Id(0)] PairWindowKey Pair,
    [property: Id(1)] double Value,
    [property: Id(2)] double BandLower,
    [property: Id(3)] double BandUpper,
    [property: Id(4)] double VolatilityA,
    [property: Id(5)] double VolatilityB,
    [property: Id(6)] long BrokeDownAtMs) : MarketEvent(Sequence, TimeMs)
{
    public override EventKind Kind => EventKind.Recoupling;

    public override string Describe() =>
        $"{Pair.PairName} {Pair.Window}-bar {Pair.Mode} correlation recoupled at {EventFormat.Num(Value)}, back in its usual range " +
        $"{EventFormat.Num(BandLower)}..{EventFormat.Num(BandUpper)} after breaking down on {EventFormat.Date(BrokeDownAtMs)}";
}
