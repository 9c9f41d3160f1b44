using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Assets;

namespace AltseasonLive.Grains.Correlation;

/// <summary>
/// Drops committed bars and pending closes of a loaded <see cref="CorrelationGroupState"/> whose prices could not be
/// accepted today (non-finite, or outside their class's <see cref="PlausibilityBand"/>): the banks are rebuilt from
/// these bars at activation, and one 1e308 close stored before the plausibility rules would otherwise keep every
/// window of the group meaningless until it slides out. Returns what was repaired, or null when the state was clean.
/// </summary>
public static class CorrelationStateRepair
{
    public static string? Repair(CorrelationGroupState state, string anchor, PlausibilityOptions bands, Func<string, AssetClass?> classOf)
    {
        bool Plausible(string symbol, double price)
        {
            var band = bands.For(classOf(symbol) ?? AssetClass.Coin);
            return double.IsFinite(price) && price >= band.MinPrice && price <= band.MaxPrice;
        }

        var repaired = new List<string>();
        var dropped = state.Bars.RemoveAll(bar => !Plausible(anchor, bar.Anchor) || bar.Partners.Any(p => !Plausible(p.Key, p.Value)));
        if (dropped > 0)
        {
            repaired.Add($"{dropped} committed bar(s)");
        }

        if (state.PendingAnchor is { } pending && !Plausible(anchor, pending))
        {
            state.PendingAnchor = null;
            repaired.Add("pending anchor close");
        }

        foreach (var (partner, price) in state.PendingPartners.ToArray())
        {
            if (!Plausible(partner, price))
            {
                state.PendingPartners.Remove(partner);
                repaired.Add($"pending {partner} close");
            }
        }

        return repaired.Count == 0 ? null : string.Join(", ", repaired);
    }
}
