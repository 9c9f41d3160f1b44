using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Assets;

namespace AltseasonLive.Grains.Market;

/// <summary>
/// Drops values of a loaded <see cref="MarketState"/> that could not be accepted today (non-finite caps, closes or
/// series values, or values outside their class's <see cref="PlausibilityBand"/>), and marks the composites for
/// recomputation. Returns what was repaired, or null when the state was clean.
/// </summary>
public static class MarketStateRepair
{
    public static string? Repair(MarketState state, PlausibilityOptions bands, Func<string, AssetClass?> classOf)
    {
        var repaired = new List<string>();
        PlausibilityBand BandOf(string symbol) => bands.For(classOf(symbol) ?? AssetClass.Coin);

        foreach (var (symbol, cap) in state.Caps.ToArray())
        {
            var band = BandOf(symbol);
            if (!(double.IsFinite(cap) && cap >= band.MinMarketCap && cap <= band.MaxMarketCap))
            {
                state.Caps.Remove(symbol);
                repaired.Add($"{symbol} cap");
            }
        }

        foreach (var (symbol, closes) in state.DailyCloses)
        {
            var band = BandOf(symbol);
            foreach (var (day, close) in closes.ToArray())
            {
                if (!(double.IsFinite(close) && close >= band.MinPrice && close <= band.MaxPrice))
                {
                    closes.Remove(day);
                    repaired.Add($"{symbol} close");
                }
            }
        }

        foreach (var (symbol, bar) in state.Series.ToArray())
        {
            var band = BandOf(symbol);
            if (!(double.IsFinite(bar.Value) && bar.Value >= band.MinPrice && bar.Value <= band.MaxPrice))
            {
                state.Series.Remove(symbol);
                repaired.Add(symbol);
            }
        }

        if (state.AltseasonIndex is { } index && !double.IsFinite(index))
        {
            state.AltseasonIndex = null;
            repaired.Add("altseason index");
        }

        if (repaired.Count == 0)
        {
            return null;
        }

        state.CompositesDirty = true;
        return string.Join(", ", repaired.Distinct());
    }
}
