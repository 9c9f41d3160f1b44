namespace AltseasonLive.LoadTest.Soak;

/// <summary>
/// A straight line fitted by least squares to memory readings (MiB) against time, with its slope in MiB per hour, and
/// the min, max and spread (max - min, MiB) of the readings. <see cref="FromSeconds"/> / <see cref="ToSeconds"/> are
/// the first and last reading's time (seconds since publishing started).
/// </summary>
public sealed record MemoryTrend(int Points, double FromSeconds, double ToSeconds, double SlopeMiBPerHour, double MinMiB, double MaxMiB)
{
    public double SpreadMiB => MaxMiB - MinMiB;

    /// <summary>The trend of the readings, or null with fewer than two readings at distinct times.</summary>
    public static MemoryTrend? Fit(IReadOnlyList<(double Seconds, double MiB)> readings)
    {
        if (readings.Count < 2)
        {
            return null;
        }

        var meanT = readings.Average(r => r.Seconds);
        var meanM = readings.Average(r => r.MiB);
        double sxy = 0;
        double sxx = 0;
        foreach (var (seconds, mib) in readings)
        {
            sxy += (seconds - meanT) * (mib - meanM);
            sxx += (seconds - meanT) * (seconds - meanT);
        }

        if (sxx <= 0)
        {
            return null;
        }

        return new MemoryTrend(
            readings.Count,
            readings.Min(r => r.Seconds),
            readings.Max(r => r.Seconds),
            sxy / sxx * 3600,
            readings.Min(r => r.MiB),
            readings.Max(r => r.MiB));
    }
}
