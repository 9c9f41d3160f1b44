using AltseasonLive.Statistics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MathNet.Numerics.Statistics;

namespace AltseasonLive.Benchmarks;

/// <summary>
/// One tick's update across N pair windows that share leg A (Returns mode), against recomputing every window with
/// MathNet's Pearson over its W observations, which is what Lean's Correlation indicator does on each update.
/// TickA: the SIMD live pass (ReviseA). BarClose: a whole bar per window (ReviseB for each slot, ReviseA, CommitBar,
/// amortizing ring writes and periodic exact re-summation). ReviseBs: the B ticks alone, so CommitBar's share is
/// BarClose - ReviseBs - TickA. BarOfTicks: 100 A ticks per bar with the B ticks and the close amortized, per A tick.
/// ScalarObjects: the same live update through N RollingCorrelation objects (the loop over objects the bank replaces).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class BankUpdateBenchmarks
{
    private const int Prices = 4096;
    private const int TicksPerBar = 100;
    private readonly double[] _pricesA = new double[Prices];
    private readonly double[] _pricesB = new double[Prices];
    private CorrelationBank _bank = new(CorrelationMode.Returns);
    private RollingCorrelation[] _scalars = [];
    private double[][] _observationsA = [];
    private double[][] _observationsB = [];
    private int _tick;

    [Params(64, 256, 1024)]
    public int N { get; set; }

    /// <summary>"90": every window 90 bars; "30/90/365": windows cycle through 30, 90 and 365 bars.</summary>
    [Params("90", "30/90/365")]
    public string Windows { get; set; } = "90";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        double a = 100, b = 50;
        for (var i = 0; i < Prices; i++)
        {
            var z = Gaussian(random);
            a *= Math.Exp(0.02 * z);
            b *= Math.Exp(0.02 * ((0.6 * z) + (0.8 * Gaussian(random))));
            _pricesA[i] = a;
            _pricesB[i] = b;
        }

        var windows = Enumerable.Range(0, N).Select(WindowOf).ToArray();
        _bank = new CorrelationBank(CorrelationMode.Returns, N);
        _scalars = new RollingCorrelation[N];
        foreach (var window in windows)
        {
            var slot = _bank.AddWindow(window);
            _scalars[slot] = new RollingCorrelation(window, CorrelationMode.Returns);
        }

        for (var bar = 0; bar < 400; bar++)
        {
            _tick = bar;
            BarClose();
            for (var slot = 0; slot < N; slot++)
            {
                _scalars[slot].Add(_pricesA[bar], PriceB(bar, slot));
            }
        }

        _observationsA = windows.Select(w => Enumerable.Range(0, w).Select(_ => Gaussian(random)).ToArray()).ToArray();
        _observationsB = windows.Select(w => Enumerable.Range(0, w).Select(_ => Gaussian(random)).ToArray()).ToArray();
        _bank.ReviseA(_pricesA[_tick]);
        for (var slot = 0; slot < N; slot++)
        {
            _bank.ReviseB(slot, PriceB(_tick, slot));
        }
    }

    [Benchmark(Baseline = true, Description = "MathNet Pearson recompute")]
    public double RecomputeMathNet()
    {
        var sum = 0.0;
        for (var slot = 0; slot < _observationsA.Length; slot++)
        {
            sum += Correlation.Pearson(_observationsA[slot], _observationsB[slot]);
        }

        return sum;
    }

    [Benchmark(Description = "TickA (SIMD ReviseA)")]
    public void TickA() => _bank.ReviseA(_pricesA[_tick++ & (Prices - 1)]);

    [Benchmark(Description = "BarClose (ReviseB x N + ReviseA + CommitBar)")]
    public void BarClose()
    {
        var bar = _tick++ & (Prices - 1);
        for (var slot = 0; slot < N; slot++)
        {
            _bank.ReviseB(slot, PriceB(bar, slot));
        }

        _bank.ReviseA(_pricesA[bar]);
        _bank.CommitBar();
    }

    [Benchmark(Description = "ReviseB x N (one B tick per slot)")]
    public void ReviseBs()
    {
        var bar = _tick++ & (Prices - 1);
        for (var slot = 0; slot < N; slot++)
        {
            _bank.ReviseB(slot, PriceB(bar, slot));
        }
    }

    /// <summary>A bar of <see cref="TicksPerBar"/> A ticks, one B tick per slot and the close; reported per A tick.</summary>
    [Benchmark(OperationsPerInvoke = TicksPerBar, Description = "Bar of 100 A ticks (per tick, incl. B ticks + CommitBar)")]
    public void BarOfTicks()
    {
        var bar = _tick++ & (Prices - 1);
        for (var slot = 0; slot < N; slot++)
        {
            _bank.ReviseB(slot, PriceB(bar, slot));
        }

        for (var tick = 0; tick < TicksPerBar; tick++)
        {
            _bank.ReviseA(_pricesA[(bar + tick) & (Prices - 1)]);
        }

        _bank.CommitBar();
    }

    [Benchmark(Description = "ScalarObjects (Revise + Current x N)")]
    public double ScalarObjects()
    {
        var bar = _tick++ & (Prices - 1);
        var a = _pricesA[bar];
        var sum = 0.0;
        foreach (var scalar in _scalars)
        {
            scalar.Revise(a, _pricesB[bar]);
            sum += scalar.Current.Correlation ?? 0;
        }

        return sum;
    }

    private double PriceB(int bar, int slot) => _pricesB[(bar + (slot * 7)) & (Prices - 1)];

    private int WindowOf(int slot) => Windows == "90" ? 90 : (slot % 3) switch { 0 => 30, 1 => 90, _ => 365 };

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new PerWindowColumn());
        }
    }
}
