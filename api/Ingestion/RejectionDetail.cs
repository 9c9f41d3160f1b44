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
        _ => reason.ToString(),
    };
}
