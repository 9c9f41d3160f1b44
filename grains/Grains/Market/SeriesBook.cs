using System.Collections.Immutable;
using AltseasonLive.Grains.Common;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Live;

namespace AltseasonLive.Grains.Market;

/// <summary>
/// The market's composite and dominance series, supplied or computed alike: each keeps its in-progress bar, and when
/// a value arrives in a later bar the closed bar is checked against the symbol's dominance levels.
/// </summary>
public static class SeriesBook
{
    public static void OnValue(MarketState state, string symbol, long timeMs, double value, long barSizeMs, MarketSignalOptions signals, List<MarketEvent> events)
    {
        var bar = BarClock.IndexOf(timeMs, barSizeMs);
        if (!state.Series.TryGetValue(symbol, out var series))
        {
            state.Series[symbol] = new SeriesBar { BarIndex = bar, Value = value, TimeMs = timeMs };
            return;
        }

        if (bar < series.BarIndex)
        {
            return;
        }

        if (bar > series.BarIndex && signals.DominanceLevels.TryGetValue(symbol, out var levels) && levels.Count > 0)
        {
            if (!state.Levels.TryGetValue(symbol, out var tracker))
            {
                state.Levels[symbol] = tracker = DominanceLevelTracker.For(levels);
            }

            tracker.OnClose(symbol, BarClock.StartOf(series.BarIndex, barSizeMs), series.Value, signals, events);
        }

        series.BarIndex = bar;
        series.Value = value;
        series.TimeMs = timeMs;
    }

    /// <summary>Latest value of every series and the Altcoin Season Index, for live push.</summary>
    public static ImmutableArray<SeriesUpdate> LiveSeries(MarketState state, Func<string, AssetClass?> classOf)
    {
        var updates = ImmutableArray.CreateBuilder<SeriesUpdate>();
        foreach (var (symbol, bar) in state.Series)
        {
            var kind = classOf(symbol) == AssetClass.Dominance || symbol.EndsWith(".D", StringComparison.Ordinal) ? SeriesKind.Dominance : SeriesKind.Total;
            updates.Add(new SeriesUpdate(kind, symbol, bar.TimeMs, bar.Value, BarClosed: false, state.SeriesSources.GetValueOrDefault(symbol)));
        }

        if (state.AltseasonIndex is { } index)
        {
            updates.Add(new SeriesUpdate(SeriesKind.AltseasonIndex, "ASI", state.LastCoinTimeMs, index, BarClosed: false, state.CoinSource));
        }

        return updates.ToImmutable();
    }
}
