using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Grains.Assets;

/// <summary>
/// The fat-finger check of one symbol: price, supply and market cap (the tick's, else supply x price) must lie within
/// the class's bounds and within <see cref="PlausibilityBand.MaxMoveFactor"/> of the symbol's last accepted value.
/// A symbol without history is checked against the bounds alone. Plain maths: no grain, no I/O.
/// </summary>
public sealed class TickPlausibility(PlausibilityBand band)
{
    public PlausibilityBand Band => band;

    /// <param name="tick">A tick already known to be finite and positive.</param>
    /// <param name="lastPrice">Last accepted price, if any.</param>
    /// <param name="lastMarketCap">
    /// Last market cap (USD) a feed sent, if any. A sent cap is compared with it; a cap computed from supply x price is
    /// only bounded, since its price and supply were checked already and a configured supply may be years off.
    /// </param>
    /// <param name="lastSupply">Last accepted supply (units), if any.</param>
    /// <param name="configuredSupply">The universe's supply, used for the market cap when neither tick nor state has one.</param>
    public TickRejectReason Check(in Tick tick, double? lastPrice, double? lastMarketCap, double? lastSupply, double? configuredSupply)
    {
        if (!Plausible(tick.Price, band.MinPrice, band.MaxPrice, lastPrice))
        {
            return TickRejectReason.ImplausiblePrice;
        }

        if (tick.Supply is { } supply && !Plausible(supply, band.MinSupply, band.MaxSupply, lastSupply))
        {
            return TickRejectReason.ImplausibleSupply;
        }

        var cap = tick.MarketCap ?? (tick.Supply ?? lastSupply ?? configuredSupply) * tick.Price;
        return cap is { } value && !Plausible(value, band.MinMarketCap, band.MaxMarketCap, tick.MarketCap is null ? null : lastMarketCap)
            ? TickRejectReason.ImplausibleMarketCap
            : TickRejectReason.None;
    }

    private bool Plausible(double value, double min, double max, double? last) =>
        value >= min && value <= max
        && (last is not { } previous || !(previous > 0)
            || (value <= previous * band.MaxMoveFactor && value * band.MaxMoveFactor >= previous));
}
