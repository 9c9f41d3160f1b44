using System.Numerics.Tensors;
using AltseasonLive.Statistics;

namespace AltseasonLive.Silo.Analysis;

/// <summary>Forward returns (fractions, 0.1 = +10%) over <see cref="HorizonDays"/> calendar days: count, mean, median, share positive.</summary>
public readonly record struct ForwardReturnStats(int HorizonDays, int Count, double? Mean, double? Median, double? HitRate)
{
    public static ForwardReturnStats From(int horizonDays, IReadOnlyCollection<double> returns)
    {
        if (returns.Count == 0)
        {
            return new ForwardReturnStats(horizonDays, 0, null, null, null);
        }

        var sorted = returns.Order().ToArray();
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        // Sorted, so the positive returns are the tail after the last value <= 0; the sum is one vectorized pass.
        var positives = sorted.Length - SortedSearch.FirstAbove(sorted, 0);
        return new ForwardReturnStats(horizonDays, sorted.Length, TensorPrimitives.Sum<double>(sorted) / sorted.Length, median, (double)positives / sorted.Length);
    }
}
