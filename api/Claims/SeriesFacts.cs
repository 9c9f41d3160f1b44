using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.Api.Claims;

/// <summary>Plain facts about series of bar values (times UTC epoch ms, oldest first) that the claims quote.</summary>
public static class SeriesFacts
{
    /// <summary>Mean, minimum and maximum of the values at or after <paramref name="fromMs"/>; null when there are none.</summary>
    public static (double Mean, double Min, double Max, int Count)? Summary(ImmutableArray<HistoryPoint> points, long fromMs)
    {
        double sum = 0, min = double.MaxValue, max = double.MinValue;
        var n = 0;
        foreach (var p in points)
        {
            if (p.TimeMs < fromMs)
            {
                continue;
            }

            sum += p.Value;
            min = Math.Min(min, p.Value);
            max = Math.Max(max, p.Value);
            n++;
        }

        return n == 0 ? null : (sum / n, min, max, n);
    }

    /// <summary>
    /// Pearson correlation of the log returns of two series over the bars both have, at or after
    /// <paramref name="fromMs"/> (a return spans bars the other series skipped); null with fewer than 3 returns.
    /// </summary>
    public static (double Correlation, int Returns)? ReturnCorrelation(ImmutableArray<HistoryPoint> a, ImmutableArray<HistoryPoint> b, long fromMs)
    {
        var closesB = new Dictionary<long, double>(b.Length);
        foreach (var p in b)
        {
            closesB[p.TimeMs] = p.Value;
        }

        var xs = new List<double>();
        var ys = new List<double>();
        double? previousA = null, previousB = null;
        foreach (var p in a)
        {
            if (p.TimeMs < fromMs || !closesB.TryGetValue(p.TimeMs, out var vb) || !(p.Value > 0) || !(vb > 0))
            {
                continue;
            }

            if (previousA is { } pa && previousB is { } pb)
            {
                xs.Add(Math.Log(p.Value / pa));
                ys.Add(Math.Log(vb / pb));
            }

            previousA = p.Value;
            previousB = vb;
        }

        return Pearson(xs, ys) is { } r ? (r, xs.Count) : null;
    }

    /// <summary>Pearson correlation of two equal-length samples; null with fewer than 3 values or zero variance.</summary>
    public static double? Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var n = x.Count;
        if (n < 3)
        {
            return null;
        }

        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : null;
    }

    /// <summary>Share (0..1) of the values strictly below the last value: where today sits in its own history.</summary>
    public static double? PercentileOfLast(ImmutableArray<HistoryPoint> points)
    {
        if (points.Length < 2)
        {
            return null;
        }

        var last = points[^1].Value;
        var below = 0;
        for (var i = 0; i < points.Length - 1; i++)
        {
            if (points[i].Value < last)
            {
                below++;
            }
        }

        return (double)below / (points.Length - 1);
    }

    /// <summary>
    /// When the last value is below zero: the start of the current negative run and the last bar before that run on
    /// which the value was also negative (null when it never was in the history held).
    /// </summary>
    public static (long RunStartMs, long? PreviousNegativeMs)? NegativeRun(ImmutableArray<HistoryPoint> points)
    {
        if (points.IsEmpty || points[^1].Value >= 0)
        {
            return null;
        }

        var i = points.Length - 1;
        while (i > 0 && points[i - 1].Value < 0)
        {
            i--;
        }

        var runStart = points[i].TimeMs;
        for (var j = i - 1; j >= 0; j--)
        {
            if (points[j].Value < 0)
            {
                return (runStart, points[j].TimeMs);
            }
        }

        return (runStart, null);
    }

    /// <summary>The last bar at or after which the series was at or above <paramref name="level"/>; null when never.</summary>
    public static long? LastAtOrAbove(ImmutableArray<HistoryPoint> points, double level)
    {
        for (var i = points.Length - 1; i >= 0; i--)
        {
            if (points[i].Value >= level)
            {
                return points[i].TimeMs;
            }
        }

        return null;
    }

    /// <summary>The value on or before <paramref name="timeMs"/>; null before the first bar.</summary>
    public static double? ValueOnOrBefore(ImmutableArray<HistoryPoint> points, long timeMs)
    {
        var lo = 0;
        var hi = points.Length - 1;
        double? found = null;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (points[mid].TimeMs <= timeMs)
            {
                found = points[mid].Value;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }
}
