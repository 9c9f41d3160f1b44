using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Api.Ingestion;

/// <summary>Human-readable text for the market's own refusal reasons.</summary>
public static class RejectionDetail
{
    public static string Describe(TickRejectReason reason) => reason switch
    {
        TickRejectReason.UnknownSymbol => "The symbol is not in the market's universe.",
        TickRejectReason.NonFinitePrice => "price must be finite.",
        TickRejectReason.NonPositivePrice => "price must be positive.",
        TickRejectReason.InvalidMarketCap => "marketCap is invalid.",
        TickRejectReason.InvalidTimestamp => "time is invalid.",
        TickRejectReason.TooLate => "Older than the asset's current bar by more than the late tolerance.",
        TickRejectReason.TooFarInFuture => "Later than the server clock by more than the future tolerance.",
        TickRejectReason.ImplausiblePrice => "price is outside its asset class's bounds or moved too far from the last accepted price (see Plausibility in the README).",
        TickRejectReason.ImplausibleMarketCap => "marketCap (sent, or price x supply) is outside its class's bounds or moved too far from the last accepted one.",
        TickRejectReason.ImplausibleSupply => "supply is outside its class's bounds or moved too far from the last accepted one.",
        TickRejectReason.InconsistentComposite => "The value breaks TOTAL >= TOTAL2 >= TOTAL3 or makes the dominances add up to more than 100.",
        _ => reason.ToString(),
    };
}
