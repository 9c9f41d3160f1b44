namespace AltseasonLive.Grains.Interfaces.Ticks;

/// <summary>Why a tick was refused. <see cref="None"/> means accepted.</summary>
public enum TickRejectReason
{
    None = 0,
    UnknownSymbol,
    NonFinitePrice,
    NonPositivePrice,
    InvalidMarketCap,
    InvalidTimestamp,
    /// <summary>Older than the asset's current bar by more than the late tolerance.</summary>
    TooLate,
    /// <summary>Later than the silo's UTC clock by more than the future tolerance.</summary>
    TooFarInFuture,
}
