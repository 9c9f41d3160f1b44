using AltseasonLive.Statistics;
using MathNet.Numerics.Statistics;

namespace AltseasonLive.Statistics.Tests;

/// <summary>
/// Independent model of a pair window: keeps every committed pair bar and recomputes the window from scratch with
/// MathNet, the O(W)-per-update way Lean does it. The engine must match it.
/// </summary>
internal sealed class PairReference(int window, CorrelationMode mode)
{
    private readonly List<(double A, double B)> _bars = [];

    public int Window { get; } = window;

    public void Commit(double a, double b) => _bars.Add((a, b));

    public (double[] X, double[] Y) Observations(double? liveA, double? liveB)
    {
        var bars = new List<(double A, double B)>(_bars);
        var live = liveA is not null && liveB is not null;
        if (live)
        {
            bars.Add((liveA!.Value, liveB!.Value));
        }

        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = mode == CorrelationMode.Returns ? 1 : 0; i < bars.Count; i++)
        {
            xs.Add(mode == CorrelationMode.Returns ? Math.Log(bars[i].A / bars[i - 1].A) : bars[i].A);
            ys.Add(mode == CorrelationMode.Returns ? Math.Log(bars[i].B / bars[i - 1].B) : bars[i].B);
        }

        var take = Math.Min(Window, xs.Count);
        return (xs.Skip(xs.Count - take).ToArray(), ys.Skip(ys.Count - take).ToArray());
    }

    public void AssertMatches(CorrelationStats actual, double? liveA = null, double? liveB = null, double tolerance = 1e-9)
    {
        var (x, y) = Observations(liveA, liveB);
        Assert.Equal(x.Length, actual.Count);
        Assert.Equal(Window, actual.Window);
        if (x.Length == 0)
        {
            Assert.Null(actual.Correlation);
            return;
        }

        AssertClose(x.Mean(), actual.MeanA, tolerance);
        AssertClose(y.Mean(), actual.MeanB, tolerance);
        if (x.Length < 2)
        {
            Assert.Null(actual.Correlation);
            Assert.Null(actual.Covariance);
            return;
        }

        AssertClose(x.StandardDeviation(), actual.VolatilityA, tolerance);
        AssertClose(y.StandardDeviation(), actual.VolatilityB, tolerance);
        var expected = Correlation.Pearson(x, y);
        if (double.IsNaN(expected))
        {
            Assert.Null(actual.Correlation);
            return;
        }

        Assert.NotNull(actual.Correlation);
        Assert.True(Math.Abs(expected - actual.Correlation.Value) <= tolerance, $"correlation {actual.Correlation} vs MathNet {expected} (window {Window}, count {x.Length})");
        var (covariance, varianceA) = TwoPass(x, y);
        AssertClose(x.Covariance(y), actual.Covariance!.Value, tolerance);
        AssertClose(covariance, actual.Covariance!.Value, tolerance);
        AssertClose(covariance / varianceA, actual.Beta!.Value, tolerance);
        if (Math.Abs(expected) < 1 - 1e-9)
        {
            AssertClose(0.5 * Math.Log((1 + expected) / (1 - expected)), actual.FisherZ!.Value, tolerance * 1e3);
        }

        if (x.Length > 3)
        {
            AssertClose(1 / Math.Sqrt(x.Length - 3), actual.FisherZStandardError!.Value, 1e-15);
        }
        else
        {
            Assert.Null(actual.FisherZStandardError);
        }
    }

    /// <summary>
    /// Hand-computed sample covariance and variance of A: two passes over deviations from the first value (exact
    /// differences for nearby prices), so the reference for beta is not limited by rounding of a 1e5-sized mean.
    /// </summary>
    public static (double Covariance, double VarianceA) TwoPass(double[] x, double[] y)
    {
        var dx = x.Select(v => v - x[0]).ToArray();
        var dy = y.Select(v => v - y[0]).ToArray();
        var mx = dx.Sum() / dx.Length;
        var my = dy.Sum() / dy.Length;
        double cxy = 0, cxx = 0;
        for (var i = 0; i < dx.Length; i++)
        {
            cxy += (dx[i] - mx) * (dy[i] - my);
            cxx += (dx[i] - mx) * (dx[i] - mx);
        }

        return (cxy / (dx.Length - 1), cxx / (dx.Length - 1));
    }

    /// <summary>Absolute tolerance for values near or below one, relative above (levels near 1e5).</summary>
    public static void AssertClose(double expected, double actual, double tolerance)
    {
        var scale = Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance * scale, $"expected {expected:R}, actual {actual:R}");
    }
}
