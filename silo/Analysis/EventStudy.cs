using AltseasonLive.History.Series;

namespace AltseasonLive.Silo.Analysis;

/// <summary>
/// Forward returns of a target series (TOTAL3) after signal dates, against its unconditional forward return over every
/// day of the target. The forward return over h days from date d is close(d + h) / close(d) - 1, using the latest close
/// on or before each date; a signal too close to the end of the data for a horizon is not counted at that horizon.
/// Overlapping windows mean the observations are not independent.
/// </summary>
public static class EventStudy
{
    public static IReadOnlyList<EventStudyRow> Run(DailySeries target, IReadOnlyDictionary<string, IReadOnlyList<DateOnly>> signals, IReadOnlyList<int> horizons)
    {
        var rows = new List<EventStudyRow>();
        var unconditional = horizons.ToDictionary(h => h, h => ForwardReturnStats.From(h, target.Points.Select(p => ForwardReturn(target, p.Date, h)).OfType<double>().ToArray()));
        foreach (var (name, dates) in signals)
        {
            foreach (var h in horizons)
            {
                var returns = dates.Select(d => ForwardReturn(target, d, h)).OfType<double>().ToArray();
                rows.Add(new EventStudyRow(name, dates.Count, ForwardReturnStats.From(h, returns), unconditional[h]));
            }
        }

        return rows;
    }

    public static double? ForwardReturn(DailySeries target, DateOnly date, int horizonDays)
    {
        var end = date.AddDays(horizonDays);
        if (date < target.FirstDate || end > target.LastDate)
        {
            return null;
        }

        return target.TryGetCloseOnOrBefore(date, out var start) && target.TryGetCloseOnOrBefore(end, out var finish) && start > 0
            ? finish / start - 1
            : null;
    }
}
