namespace AltseasonLive.Statistics;

/// <summary>
/// When a centered second moment is rounding noise rather than variance. Running sums accumulate at most a few
/// roundings per add/remove between exact rebuilds (every window length commits), so the noise is bounded by
/// (a small multiple of) window x machine epsilon x peak sum of squares; the final subtraction adds a relative
/// machine-epsilon term. Anything at or below that bound is treated as zero variance (undefined correlation).
/// </summary>
internal static class MomentTolerance
{
    /// <summary>Relative noise of the final centered-moment subtraction (about 450 ulps).</summary>
    public const double Relative = 1e-13;

    /// <summary>Factor applied to the peak sum of squares since the last rebuild, for a window of <paramref name="window"/> bars.</summary>
    public static double PeakFactor(int window) => 1e-12 + (16.0 * window * MachineEpsilon);

    private const double MachineEpsilon = 2.220446049250313e-16;

    public static bool IsVariance(double centered, double sumSquares, double tolerance) =>
        centered > tolerance + (sumSquares * Relative);
}
