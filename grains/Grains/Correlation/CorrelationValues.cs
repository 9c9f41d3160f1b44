using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Statistics;

namespace AltseasonLive.Grains.Correlation;

/// <summary>Maps the statistics library's <see cref="CorrelationStats"/> to the wire record.</summary>
public static class CorrelationValues
{
    public static CorrelationValue ToValue(this in CorrelationStats stats, long barStartMs) =>
        new(barStartMs, stats.Count, stats.Window, stats.Correlation, stats.VolatilityA, stats.VolatilityB, stats.Beta, stats.FisherZ, stats.FisherZStandardError);
}
