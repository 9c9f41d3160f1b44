using AltseasonLive.History.Series;
using AltseasonLive.Statistics;

namespace AltseasonLive.Silo.Analysis;

/// <summary>Signal dates for the event study, each rule mirroring the grains' event of the same name (defaults as in their options).</summary>
public static class Signals
{
    /// <summary>
    /// All-time-high breakouts: a close above every earlier close, once at least <paramref name="minBars"/> bars are
    /// known; after one fires, the next needs the close to have fallen <paramref name="rearm"/> (fraction) below the high.
    /// </summary>
    public static IReadOnlyList<DateOnly> AllTimeHighs(DailySeries series, int minBars = 20, double rearm = 0.02)
    {
        var result = new List<DateOnly>();
        var high = double.NegativeInfinity;
        var armed = true;
        for (var i = 0; i < series.Count; i++)
        {
            var p = series[i];
            if (p.Close > high)
            {
                if (i >= minBars && armed)
                {
                    result.Add(p.Date);
                    armed = false;
                }

                high = p.Close;
            }
            else if (!armed && p.Close <= high * (1 - rearm))
            {
                armed = true;
            }
        }

        return result;
    }

    /// <summary>
    /// Closes that cross down through <paramref name="level"/> (percent): from at or above the level to below
    /// level x (1 - <paramref name="hysteresis"/>). A new down-cross needs a close above level x (1 + hysteresis) first.
    /// </summary>
    public static IReadOnlyList<DateOnly> CrossesDown(DailySeries series, double level, double hysteresis = 0.002)
    {
        var result = new List<DateOnly>();
        bool? above = null;
        foreach (var p in series.Points)
        {
            if (above is null)
            {
                above = p.Close >= level;
                continue;
            }

            if (above.Value && p.Close < level * (1 - hysteresis))
            {
                result.Add(p.Date);
                above = false;
            }
            else if (!above.Value && p.Close > level * (1 + hysteresis))
            {
                above = true;
            }
        }

        return result;
    }

    /// <summary>Correlation breakdowns of a pair by <see cref="BreakdownRule"/>, short vs long window, in one mode.</summary>
    public static IReadOnlyList<DateOnly> CorrelationBreakdowns(
        DailySeries a, DailySeries b, int shortWindow, int longWindow, BreakdownRule rule, CorrelationMode mode = CorrelationMode.Returns)
    {
        var shortSeries = RollingCorrelationSeries.Compute(a, b, shortWindow, mode);
        var longSeries = RollingCorrelationSeries.Compute(a, b, longWindow, mode);
        var result = new List<DateOnly>();
        for (var i = 0; i < shortSeries.Count; i++)
        {
            if (shortSeries[i].Correlation is { } s && longSeries[i].Correlation is { } l && rule.Update(s, l))
            {
                result.Add(shortSeries[i].Date);
            }
        }

        return result;
    }
}
