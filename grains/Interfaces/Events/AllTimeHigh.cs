namespace AltseasonLive.Grains.Interfaces.Events;

/// <summary>A bar closed at a new all-time high (<see cref="Price"/>), breaking out above <see cref="PreviousHigh"/> set at <see cref="PreviousHighTimeMs"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record AllTimeHigh(
    long Sequence,
    long TimeMs,
    [property: Id(0)] string Symbol,
    [property: Id(1)] double Price,
    [property: Id(2)] double PreviousHigh,
    [property: Id(3)] long PreviousHighTimeMs) : MarketEvent(Sequence, TimeMs)
{
    public override EventKind Kind => EventKind.AllTimeHigh;

    public override string Describe() =>
        $"{Symbol} closed at a new all-time high of {EventFormat.Num(Price)}, above {EventFormat.Num(PreviousHigh)} from {EventFormat.Date(PreviousHighTimeMs)}";
}
