namespace AltseasonLive.Grains.Interfaces.Events;

/// <summary>The Altcoin Season Index (<see cref="Index"/>, percent 0..100) moved the market from one phase to another.</summary>
[GenerateSerializer, Immutable]
public sealed record AltseasonChanged(
    long Sequence,
    long TimeMs,
    [property: Id(0)] double Index,
    [property: Id(1)] AltseasonPhase From,
    [property: Id(2)] AltseasonPhase To) : MarketEvent(Sequence, TimeMs)
{
    public override EventKind Kind => EventKind.AltseasonChanged;

    public override string Describe() => To switch
    {
        AltseasonPhase.AltcoinSeason => $"Altcoin season: the Altcoin Season Index reached {EventFormat.Num(Index, 0)}",
        AltseasonPhase.BitcoinSeason => $"Bitcoin season: the Altcoin Season Index fell to {EventFormat.Num(Index, 0)}",
        _ => $"{(From == AltseasonPhase.AltcoinSeason ? "Altcoin" : "Bitcoin")} season ended: the Altcoin Season Index is {EventFormat.Num(Index, 0)}",
    };
}
