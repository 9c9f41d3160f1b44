namespace AltseasonLive.Statistics;

/// <summary>
/// Statistics of one pair window, including the in-progress bar when both legs have a value in it.
/// Inputs are log returns per bar (<see cref="CorrelationMode.Returns"/>) or price levels
/// (<see cref="CorrelationMode.Levels"/>); means, volatilities, covariance and beta are in those units.
/// Undefined values (fewer than two observations, zero variance) are <c>null</c>, never NaN.
/// </summary>
/// <param name="Count">Observations in the window, at most <paramref name="Window"/>.</param>
/// <param name="Window">Window length in bars.</param>
/// <param name="Correlation">Pearson correlation in [-1, 1]; null while either leg has zero variance or Count &lt; 2.</param>
/// <param name="MeanA">Mean of leg A's observations (0 when Count is 0).</param>
/// <param name="MeanB">Mean of leg B's observations (0 when Count is 0).</param>
/// <param name="VolatilityA">Sample standard deviation of leg A's observations, per bar (0 when Count &lt; 2).</param>
/// <param name="VolatilityB">Sample standard deviation of leg B's observations, per bar (0 when Count &lt; 2).</param>
/// <param name="Covariance">Sample covariance (divisor Count - 1); null when Count &lt; 2.</param>
/// <param name="Beta">Beta of B on A, covariance / variance of A; null while A has zero variance.</param>
/// <param name="FisherZ">Fisher transform atanh(Correlation); null when Correlation is null or exactly +-1.</param>
/// <param name="FisherZStandardError">1 / sqrt(Count - 3), the standard error of FisherZ; null when FisherZ is null or Count &lt;= 3.</param>
public readonly record struct CorrelationStats(
    int Count,
    int Window,
    double? Correlation,
    double MeanA,
    double MeanB,
    double VolatilityA,
    double VolatilityB,
    double? Covariance,
    double? Beta,
    double? FisherZ,
    double? FisherZStandardError)
{
    /// <summary>True when the window has a correlation.</summary>
    public bool IsDefined => Correlation is not null;
}
