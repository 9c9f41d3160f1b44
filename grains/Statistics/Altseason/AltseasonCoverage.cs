namespace AltseasonLive.Statistics.Altseason;

/// <summary>How much of the intended top-N universe an Altcoin Season Index value is based on.</summary>
public enum AltseasonCoverage
{
    /// <summary>All N coins had data.</summary>
    Full,

    /// <summary>Fewer than N but at least the configured minimum; the index is reported but rests on fewer coins.</summary>
    Partial,

    /// <summary>Below the minimum, or no BTC benchmark: no index value.</summary>
    Insufficient,
}
