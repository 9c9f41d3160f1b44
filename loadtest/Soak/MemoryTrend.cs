namespace AltseasonLive.LoadTest.Soak;

/// <summary>
/// A straight line fitted by least squares to memory readings (MiB) against time, with its slope in MiB per hour and
/// the slope's standard error (MiB per hour, from the scatter around the line; null with two readings), and the min,
/// max and spread (max - min, MiB) of the readings. <see cref="FromSeconds"/> / <see cref="ToSeconds"/> are the first
/// and last reading's time (seconds since publishing started). A short window magnifies noise: 10 MiB of scatter over
/// 90 s reads as hundreds of MiB per hour, which the standard error shows.
/// </summary>
public sealed record MemoryTrend(
    int Points, double FromSeconds, double ToSeconds, double SlopeMiBPerHour, double? SlopeStandardErrorMiBPerHour, double MinMiB, double MaxMiB)
{
    public double SpreadMiB => MaxMiB - MinMiB;

    /// <summary>Growth of the fitted line from the first to the last reading (MiB).</summary>
    public double FittedGrowthMiB => SlopeMiBPerHour * (ToSeconds - FromSeconds) / 3600;

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

        var slope = sxy / sxx;
        double? standardError = null;
        if (readings.Count > 2)
        {
            var residuals = readings.Sum(r => Math.Pow(r.MiB - meanM - (slope * (r.Seconds - meanT)), 2));
            standardError = Math.Sqrt(residuals / (readings.Count - 2) / sxx) * 3600;
        }

        return new MemoryTrend(
            readings.Count,
            readings.Min(r => r.Seconds),
            readings.Max(r => r.Seconds),
            slope * 3600,
            standardError,
            readings.Min(r => r.MiB),
            readings.Max(r => r.MiB));
    }
}
