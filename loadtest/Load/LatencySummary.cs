using HdrHistogram;

namespace AltseasonLive.LoadTest.Load;

/// <summary>Percentiles of a latency histogram in milliseconds; all zero when <see cref="Count"/> is 0.</summary>
public sealed record LatencySummary(long Count, double P50Ms, double P99Ms, double P999Ms, double MaxMs, double MeanMs)
{
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Summarises a histogram of microsecond values.</summary>
    public static LatencySummary From(HistogramBase microseconds)
    {
        if (microseconds.TotalCount == 0)
        {
            return Empty;
        }

        static double Ms(long us) => Math.Round(us / 1000.0, 3);
        return new LatencySummary(
            microseconds.TotalCount,
            Ms(microseconds.GetValueAtPercentile(50)),
            Ms(microseconds.GetValueAtPercentile(99)),
            Ms(microseconds.GetValueAtPercentile(99.9)),
            Ms(microseconds.GetMaxValue()),
            Math.Round(microseconds.GetMean() / 1000.0, 3));
    }
}
