namespace AltseasonLive.Statistics;

/// <summary>Rolling log-return statistics of one price series, including the in-progress bar.</summary>
/// <param name="Count">Returns in the window, at most <paramref name="Window"/>.</param>
/// <param name="Window">Window length in bars (returns).</param>
/// <param name="Mean">Mean log return per bar (0 when Count is 0).</param>
/// <param name="StandardDeviation">Sample standard deviation of the log returns per bar (a fraction, not percent); null when Count &lt; 2.</param>
public readonly record struct VolatilityStats(int Count, int Window, double Mean, double? StandardDeviation)
{
    /// <summary>True when the window has a standard deviation.</summary>
    public bool IsDefined => StandardDeviation is not null;
}
