using System.Numerics.Tensors;
using AltseasonLive.Statistics;
using BenchmarkDotNet.Attributes;

namespace AltseasonLive.Benchmarks;

/// <summary>
/// The analysis CLI's batch statistics over a sorted array of forward returns (<c>ForwardReturnStats</c>): the mean and
/// the share of positive returns, as LINQ computed them (<c>Average()</c>, <c>Count(r =&gt; r &gt; 0)</c>, the
/// baseline) and as the CLI computes them now (<c>TensorPrimitives.Sum</c>, one binary search on the sorted array).
/// N is the number of returns (one per signal day; 2,500 is about ten years of trading days).
/// </summary>
[MemoryDiagnoser]
public class BatchStatisticsBenchmarks
{
    private double[] _sorted = [];

    [Params(250, 2500)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _sorted = [.. Enumerable.Range(0, N).Select(_ => (random.NextDouble() - 0.45) * 0.2).Order()];
    }

    [Benchmark(Baseline = true)]
    public double Linq() => _sorted.Average() + ((double)_sorted.Count(r => r > 0) / _sorted.Length);

    [Benchmark]
    public double Tensors() => (TensorPrimitives.Sum<double>(_sorted) / _sorted.Length) + ((double)(_sorted.Length - SortedSearch.FirstAbove(_sorted, 0)) / _sorted.Length);
}
