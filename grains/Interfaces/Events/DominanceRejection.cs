namespace AltseasonLive.Grains.Interfaces.Events;

/// <summary>
/// A dominance series touched <see cref="Level"/> (reaching <see cref="Extreme"/>) and turned away without crossing:
/// <see cref="FromBelow"/> means rejected at resistance. Values in percent.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DominanceRejection(
    long Sequence,
    long TimeMs,
    [property: Id(0)] string Symbol,
    [property: Id(1)] double Level,
    [property: Id(2)] double Extreme,
    [property: Id(3)] double Value,
    [property: Id(4)] bool FromBelow) : MarketEvent(Sequence, TimeMs)
{
    public override EventKind Kind => EventKind.DominanceRejection;

    public override string Describe() =>
        $"{Symbol} rejected at {EventFormat.Num(Level)}% ({(FromBelow ? "resistance" : "support")}): touched {EventFormat.Num(Extreme, 3)}%, now {EventFormat.Num(Value, 3)}%";
}
