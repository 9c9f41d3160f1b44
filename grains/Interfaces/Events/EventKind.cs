namespace AltseasonLive.Grains.Interfaces.Events;

/// <summary>Discriminator of <see cref="MarketEvent"/> subtypes (stable names for JSON).</summary>
public enum EventKind
{
    CorrelationBreakdown,
    CorrelationSignFlip,
    Recoupling,
    DominanceLevelCrossed,
    DominanceRejection,
    AltseasonChanged,
    AllTimeHigh,
    OutperformanceStreak,
}
