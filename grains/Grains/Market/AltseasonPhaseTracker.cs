using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Events;

namespace AltseasonLive.Grains.Market;

/// <summary>
/// Altcoin Season Index regime with hysteresis: enters altcoin season at the threshold (75) and leaves only below it
/// by the hysteresis; the same for Bitcoin season (25). The first known value sets the phase without an event.
/// </summary>
[GenerateSerializer]
public sealed class AltseasonPhaseTracker
{
    [Id(0)] public AltseasonPhase Phase { get; set; } = AltseasonPhase.Unknown;

    public AltseasonChanged? OnValue(long timeMs, double index, MarketSignalOptions options)
    {
        var next = Phase switch
        {
            AltseasonPhase.AltcoinSeason when index >= options.AltcoinSeasonThreshold - options.AltseasonHysteresis => Phase,
            AltseasonPhase.BitcoinSeason when index <= options.BitcoinSeasonThreshold + options.AltseasonHysteresis => Phase,
            _ when index >= options.AltcoinSeasonThreshold => AltseasonPhase.AltcoinSeason,
            _ when index <= options.BitcoinSeasonThreshold => AltseasonPhase.BitcoinSeason,
            _ => AltseasonPhase.Neutral,
        };

        var previous = Phase;
        Phase = next;
        return previous != AltseasonPhase.Unknown && next != previous ? new AltseasonChanged(0, timeMs, index, previous, next) : null;
    }
}
