using AltseasonLive.History.Series;

namespace AltseasonLive.Silo.Analysis;

/// <summary>The days on which both series have a close, in date order: the pair bars a correlation is computed on.</summary>
public static class PairedBars
{
    public static IReadOnlyList<(DateOnly Date, double A, double B)> Align(DailySeries a, DailySeries b)
    {
        var result = new List<(DateOnly, double, double)>();
        foreach (var point in a.Points)
        {
            if (b.TryGetClose(point.Date, out var closeB))
            {
                result.Add((point.Date, point.Close, closeB));
            }
        }

        return result;
    }
}
