namespace AltseasonLive.Grains.Interfaces.Events;

/// <summary>A dominance series (percent, e.g. BTC.D) closed a bar beyond <see cref="Level"/> (percent) in the given direction.</summary>
[GenerateSerializer, Immutable]
public sealed record DominanceLevelCrossed(
    long Sequence,
    long TimeMs,
    [property: Id(0)] string Symbol,
    [property: Id(1)] double Level,
    [property: Id(2)] double Value,
    [property: Id(3)] bool Upward) : MarketEvent(Sequence, TimeMs)
{
    public override EventKind Kind => EventKind.DominanceLevelCrossed;

    public override string Describe() =>
        $"{Symbol} crossed {(Upward ? "above" : "below")} {EventFormat.Num(Level)}% ({EventFormat.Num(Value, 3)}%)";
}
