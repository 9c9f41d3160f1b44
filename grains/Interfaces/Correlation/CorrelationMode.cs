namespace AltseasonLive.Grains.Interfaces.Correlation;

/// <summary>Correlate per-bar log returns (the usual choice) or raw price levels.</summary>
public enum CorrelationMode
{
    Returns,
    Levels,
}
