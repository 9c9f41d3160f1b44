using AltseasonLive.Statistics;
using BenchmarkDotNet.Attributes;

namespace AltseasonLive.Benchmarks;

/// <summary>
/// The correlation band's percentiles (10th and 90th of the last <c>Signals:Correlation:BandLookback</c> = 250 values,
/// one value per bar). Sorted window (the baseline): <see cref="RollingPercentileBand"/>, which keeps its window sorted
/// (a binary search and a contiguous shift per value), so both percentiles are reads. Recompute: the band rebuilt per
/// bar from the ring by a copy and <c>Span.Sort</c>, the only batch route: <c>TensorPrimitives</c> has no sort,
/// selection or comparison operation to compute an order statistic with.
/// </summary>
[MemoryDiagnoser]
public class PercentileBandBenchmarks
{
    private const double Lower = 0.10;
    private const double Upper = 0.90;
    private readonly double[] _values = new double[4096];
    private RollingPercentileBand _band = new(2, 0, 1);
    private double[] _ring = [];
    private double[] _scratch = [];
    private int _next;

    [Params(250)]
    public int Lookback { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i] = Math.Tanh(random.NextDouble() * 2 - 1);
        }

        _band = new RollingPercentileBand(Lookback, Lower, Upper);
        _ring = new double[Lookback];
        _scratch = new double[Lookback];
        for (var i = 0; i < Lookback; i++)
        {
            SortedWindow();
            Recompute();
        }
    }

    [Benchmark(Baseline = true)]
    public double SortedWindow()
    {
        _band.Add(_values[_next++ & 4095]);
        return _band.Lower + _band.Upper;
    }

    [Benchmark]
    public double Recompute()
    {
        _ring[_next % Lookback] = _values[_next++ & 4095];
        _ring.CopyTo(_scratch, 0);
        _scratch.AsSpan().Sort();
        return Percentile(Lower) + Percentile(Upper);
    }

    private double Percentile(double fraction)
    {
        var rank = fraction * (_scratch.Length - 1);
        var below = (int)rank;
        return _scratch[below] + ((rank - below) * (_scratch[below + 1] - _scratch[below]));
    }
}
