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
    /// <summary>Price outside its asset class's bounds, or moved by more than the class's factor from the last accepted price.</summary>
    ImplausiblePrice,
    /// <summary>Market cap (sent, or price x supply) outside its class's bounds or moved by more than the class's factor.</summary>
    ImplausibleMarketCap,
    /// <summary>Supply outside its class's bounds or moved by more than the class's factor.</summary>
    ImplausibleSupply,
    /// <summary>A supplied composite breaks TOTAL &gt;= TOTAL2 &gt;= TOTAL3 or makes the dominances add up to more than 100.</summary>
    InconsistentComposite,
}
