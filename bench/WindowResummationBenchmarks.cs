using System.Numerics.Tensors;
using AltseasonLive.Statistics;
using BenchmarkDotNet.Attributes;

namespace AltseasonLive.Benchmarks;

/// <summary>
/// The exact re-summation of one pair window's tail (every W commits, sooner when precision drops): the W - 1 newest
/// observations of an interleaved, wrapped ring, summed about the newest one.
/// Scalar (the baseline): the product's <see cref="TailResummation"/>, five running sums in one pass.
/// TensorPrimitives: one pass that copies the deviations out of the ring into two contiguous halves of a scratch
/// buffer, then five <see cref="TensorPrimitives"/> reductions. TensorPrimitives on separate legs: the same reductions
/// if the ring kept each leg contiguous (no de-interleaving, two vectorized subtractions instead), for what a layout
/// change would buy. W is the product's window lengths (30, 90 and 365 bars).
/// </summary>
[MemoryDiagnoser]
public class WindowResummationBenchmarks
{
    private double[] _ring = [];
    private double[] _xs = [];
    private double[] _ys = [];
    private double[] _scratch = [];
    private int _newest;

    [Params(30, 90, 365)]
    public int W { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        _ring = [.. Enumerable.Range(0, 2 * W).Select(_ => (random.NextDouble() - 0.5) * 0.04)];
        _scratch = new double[2 * W];
        _xs = [.. Enumerable.Range(0, W - 1).Select(i => _ring[2 * i])];
        _ys = [.. Enumerable.Range(0, W - 1).Select(i => _ring[(2 * i) + 1])];
        _newest = W / 3;
        var scalar = Scalar();
        var tensors = Tensors();
        if (Math.Abs(scalar - tensors) > 1e-12 * Math.Abs(scalar))
        {
            throw new InvalidOperationException($"The re-summations disagree: {scalar} vs {tensors}.");
        }
    }

    [Benchmark(Baseline = true)]
    public double Scalar()
    {
        var sums = TailResummation.AboutNewest(_ring, _newest, W - 1);
        return sums.SX + sums.SY + sums.SXX + sums.SYY + sums.SXY;
    }

    [Benchmark(Description = "TensorPrimitives")]
    public double Tensors()
    {
        var count = W - 1;
        double kx = _ring[2 * _newest], ky = _ring[(2 * _newest) + 1];
        var dx = _scratch.AsSpan(0, count);
        var dy = _scratch.AsSpan(count, count);
        var first = _newest - count + 1;
        var at = 0;
        if (first < 0)
        {
            at = Deviations(_ring.AsSpan(2 * (first + W)), kx, ky, dx, dy, 0);
            first = 0;
        }

        Deviations(_ring.AsSpan(2 * first, 2 * (_newest + 1 - first)), kx, ky, dx, dy, at);
        return TensorPrimitives.Sum<double>(dx) + TensorPrimitives.Sum<double>(dy) + TensorPrimitives.SumOfSquares<double>(dx)
            + TensorPrimitives.SumOfSquares<double>(dy) + TensorPrimitives.Dot<double>(dx, dy);
    }

    [Benchmark(Description = "TensorPrimitives on separate legs")]
    public double TensorsSeparateLegs()
    {
        var count = W - 1;
        var dx = _scratch.AsSpan(0, count);
        var dy = _scratch.AsSpan(count, count);
        TensorPrimitives.Subtract(_xs, _xs[^1], dx);
        TensorPrimitives.Subtract(_ys, _ys[^1], dy);
        return TensorPrimitives.Sum<double>(dx) + TensorPrimitives.Sum<double>(dy) + TensorPrimitives.SumOfSquares<double>(dx)
            + TensorPrimitives.SumOfSquares<double>(dy) + TensorPrimitives.Dot<double>(dx, dy);
    }

    private static int Deviations(ReadOnlySpan<double> pairs, double kx, double ky, Span<double> dx, Span<double> dy, int at)
    {
        var n = pairs.Length / 2;
        var x = dx[at..];
        var y = dy[at..];
        for (var i = 0; i < n && i < x.Length; i++)
        {
            x[i] = pairs[2 * i] - kx;
            y[i] = pairs[(2 * i) + 1] - ky;
        }

        return at + n;
    }
}
