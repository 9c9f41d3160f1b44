using AltseasonLive.Grains.Configuration;

namespace AltseasonLive.Grains.Assets;

/// <summary>
/// Drops values of a loaded <see cref="AssetState"/> that could not be accepted today (non-finite, or outside the
/// class's <see cref="PlausibilityBand"/>): state written before the plausibility rules must not keep an endpoint
/// failing or a bar high at 1e308 for good. Returns what was repaired, or null when the state was clean.
/// </summary>
public static class AssetStateRepair
{
    public static string? Repair(AssetState state, PlausibilityBand band)
    {
        var repaired = new List<string>();
        bool Price(double value) => double.IsFinite(value) && value >= band.MinPrice && value <= band.MaxPrice;

        if (state.LastPrice is { } last && !Price(last))
        {
            state.LastPrice = null;
            repaired.Add("last price");
        }

        if (state.MarketCap is { } cap && !(double.IsFinite(cap) && cap >= band.MinMarketCap && cap <= band.MaxMarketCap))
        {
            state.MarketCap = null;
            repaired.Add("market cap");
        }

        if (state.Supply is { } supply && !(double.IsFinite(supply) && supply >= band.MinSupply && supply <= band.MaxSupply))
        {
            state.Supply = null;
            repaired.Add("supply");
        }

        if (state.HasBar && !(Price(state.BarOpen) && Price(state.BarHigh) && Price(state.BarLow)))
        {
            if (state.LastPrice is { } price)
            {
                state.BarOpen = state.BarHigh = state.BarLow = price;
            }
            else
            {
                state.HasBar = false;
            }

            repaired.Add("current bar");
        }

        if (state.RecentCloses.RemoveAll(close => !Price(close)) > 0)
        {
            repaired.Add("recent closes");
        }

        if (state.AllTimeHigh.High is { } high && !Price(high))
        {
            state.AllTimeHigh = new AllTimeHighTracker();
            repaired.Add("all-time high");
        }

        return repaired.Count == 0 ? null : string.Join(", ", repaired);
    }
}
