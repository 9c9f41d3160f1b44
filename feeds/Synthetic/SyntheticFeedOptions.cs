namespace AltseasonLive.Feeds.Synthetic;

/// <summary>
/// Model settings for <see cref="SyntheticFeed"/>. Volatilities are annualised fractions (0.2 = 20%/year);
/// <see cref="TimeScale"/> is market seconds per wall-clock second, so motion is visible on a dashboard.
/// Correlations are between per-step log returns of the Russell 2000 and the common crypto factor.
/// Regimes last a geometric number of steps with mean <see cref="MeanRegimeSteps"/>.
/// </summary>
public sealed class SyntheticFeedOptions
{
    public int Seed { get; set; } = 20260101;

    /// <summary>RUT-crypto correlation while coupled.</summary>
    public double CoupledCorrelation { get; set; } = 0.6;

    /// <summary>RUT-crypto correlation while decoupled (a correlation breakdown).</summary>
    public double DecoupledCorrelation { get; set; } = -0.1;

    public double MeanRegimeSteps { get; set; } = 900;

    public double TimeScale { get; set; } = 3600;

    public double RutVolatility { get; set; } = 0.22;

    public double BtcVolatility { get; set; } = 0.55;

    public double EthVolatility { get; set; } = 0.70;

    /// <summary>Volatility of each other coin and of the rest of TOTAL3.</summary>
    public double AltVolatility { get; set; } = 0.85;

    /// <summary>How much of a coin's variance is the common crypto factor (0..1).</summary>
    public double CryptoFactorShare { get; set; } = 0.7;

    internal void Validate()
    {
        static void Check(bool ok, string message)
        {
            if (!ok)
            {
                throw new ArgumentOutOfRangeException(nameof(SyntheticFeedOptions), message);
            }
        }

        Check(CoupledCorrelation is >= -1 and <= 1 && DecoupledCorrelation is >= -1 and <= 1, "Correlations must lie in [-1, 1].");
        Check(MeanRegimeSteps >= 1, "MeanRegimeSteps must be at least 1.");
        Check(TimeScale > 0, "TimeScale must be positive.");
        Check(RutVolatility >= 0 && BtcVolatility >= 0 && EthVolatility >= 0 && AltVolatility >= 0, "Volatilities must be non-negative.");
        Check(CryptoFactorShare is >= 0 and <= 1, "CryptoFactorShare must lie in [0, 1].");
    }
}
