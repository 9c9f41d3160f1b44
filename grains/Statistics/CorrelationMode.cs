namespace AltseasonLive.Statistics;

/// <summary>
/// What a pair window correlates. Inputs are always prices; the mode decides what is derived from them.
/// </summary>
public enum CorrelationMode
{
    /// <summary>
    /// Log returns between consecutive pair bars, ln(close / previous pair close): the statistically sound choice,
    /// because price levels are non-stationary and trending levels correlate spuriously. The first pair bar only sets
    /// the base price and yields no observation.
    /// </summary>
    Returns,

    /// <summary>Price levels, as TradingView's correlation coefficient and most articles quote it.</summary>
    Levels,
}
