namespace AltseasonLive.Statistics;

/// <summary>
/// Shifted sums of one window (n observations, deviations from KX/KY) turned into statistics. The correlation
/// expression is written once here and mirrored operation for operation by the vectorized bank kernel, so the
/// scalar and SIMD paths give bit-identical correlations.
/// </summary>
internal readonly record struct PairSums(
    int N, double KX, double KY, double SX, double SY, double SXX, double SYY, double SXY, double ToleranceX, double ToleranceY)
{
    /// <summary>1 / sqrt(centered YY), or NaN when leg B has no variance: the per-slot constant the kernel reuses.</summary>
    public static double InverseDeviation(double centered, double sumSquares, double tolerance) =>
        MomentTolerance.IsVariance(centered, sumSquares, tolerance) ? 1.0 / Math.Sqrt(centered) : double.NaN;

    /// <summary>Pearson correlation, or NaN when undefined.</summary>
    public double Correlation()
    {
        if (N < 2)
        {
            return double.NaN;
        }

        var invN = 1.0 / N;
        var cxx = SXX - (SX * SX * invN);
        var cyy = SYY - (SY * SY * invN);
        var cxy = SXY - (SX * SY * invN);
        var invSy = InverseDeviation(cyy, SYY, ToleranceY);
        if (!MomentTolerance.IsVariance(cxx, SXX, ToleranceX) || double.IsNaN(invSy))
        {
            return double.NaN;
        }

        return Math.Clamp(cxy * invSy / Math.Sqrt(cxx), -1.0, 1.0);
    }

    public CorrelationStats ToStats(int window)
    {
        if (N == 0)
        {
            return new CorrelationStats(0, window, null, 0, 0, 0, 0, null, null, null, null);
        }

        var invN = 1.0 / N;
        var meanA = KX + (SX * invN);
        var meanB = KY + (SY * invN);
        if (N < 2)
        {
            return new CorrelationStats(N, window, null, meanA, meanB, 0, 0, null, null, null, null);
        }

        var cxx = SXX - (SX * SX * invN);
        var cyy = SYY - (SY * SY * invN);
        var cxy = SXY - (SX * SY * invN);
        var hasX = MomentTolerance.IsVariance(cxx, SXX, ToleranceX);
        var hasY = MomentTolerance.IsVariance(cyy, SYY, ToleranceY);
        var divisor = N - 1.0;
        var volA = hasX ? Math.Sqrt(cxx / divisor) : 0;
        var volB = hasY ? Math.Sqrt(cyy / divisor) : 0;
        var covariance = hasX && hasY ? cxy / divisor : 0;
        double? beta = hasX ? (hasY ? cxy / cxx : 0) : null;
        var r = Correlation();
        double? correlation = double.IsNaN(r) ? null : r;
        double? fisher = correlation is { } c && Math.Abs(c) < 1 ? Math.Atanh(c) : null;
        double? standardError = fisher is not null && N > 3 ? 1.0 / Math.Sqrt(N - 3.0) : null;
        return new CorrelationStats(N, window, correlation, meanA, meanB, volA, volB, covariance, beta, fisher, standardError);
    }
}
