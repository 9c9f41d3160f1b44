namespace AltseasonLive.Grains.Interfaces.Events;

/// <summary>Altcoin Season Index regime: at or above 75 altcoin season, at or below 25 Bitcoin season (defaults).</summary>
public enum AltseasonPhase
{
    Unknown,
    Neutral,
    AltcoinSeason,
    BitcoinSeason,
}
