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
        return new ForwardReturnStats(horizonDays, sorted.Length, sorted.Average(), median, (double)sorted.Count(r => r > 0) / sorted.Length);
    }
}
