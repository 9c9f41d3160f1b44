using AltseasonLive.History.Series;
using AltseasonLive.Statistics;

namespace AltseasonLive.Silo.Analysis;

/// <summary>
/// Runs the grains' <see cref="RollingCorrelation"/> over the pair bars of two daily series (days where both have a
/// close; returns are log returns between consecutive such days). A value is reported only once the window is full,
/// as the grains evaluate only full windows. The window warms up on data before <c>from</c>.
/// </summary>
public static class RollingCorrelationSeries
{
    public static IReadOnlyList<CorrelationPoint> Compute(
        DailySeries a, DailySeries b, int window, CorrelationMode mode, DateOnly? from = null, DateOnly? to = null)
    {
        var engine = new RollingCorrelation(window, mode);
        var result = new List<CorrelationPoint>();
        foreach (var (date, priceA, priceB) in PairedBars.Align(a, b))
        {
            if (to is { } t && date > t)
            {
                break;
            }

            engine.Add(priceA, priceB);
            if (from is { } f && date < f)
            {
                continue;
            }

            result.Add(new CorrelationPoint(date, engine.IsReady ? engine.Current.Correlation : null));
        }

        return result;
    }
}
