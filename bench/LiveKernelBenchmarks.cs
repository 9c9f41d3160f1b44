using System.Numerics.Tensors;
using AltseasonLive.Statistics;
using BenchmarkDotNet.Attributes;

namespace AltseasonLive.Benchmarks;

/// <summary>
/// The per-tick pass that dominates the bare loop and the grains' banks: a tick on leg A recomputes every slot's live
/// correlation. Vector (the baseline): <c>CorrelationKernel.Live</c>, one <see cref="System.Numerics.Vector{T}"/> loop
/// that reads each lane once. TensorPrimitives: the same arithmetic as one call per operation (16 passes over
/// N-element temporaries, allocated once), then a scalar pass for what TensorPrimitives cannot express (the
/// defined-variance test and the live/committed select). N = 291 is one anchor's bank in the silo benchmark's
/// universe (97 partners x 3 windows); 1,024 a large group.
/// </summary>
[MemoryDiagnoser]
public class LiveKernelBenchmarks
{
    private SlotLanes _lanes = new(0);
    private double[][] _temps = [];
    private double _a;

    [Params(291, 1024)]
    public int N { get; set; }

    private int Padded => (N + System.Numerics.Vector<double>.Count - 1) / System.Numerics.Vector<double>.Count * System.Numerics.Vector<double>.Count;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        _lanes = new SlotLanes(Padded);
        for (var slot = 0; slot < N; slot++)
        {
            var n = (slot % 3) switch { 0 => 30, 1 => 90, _ => 365 };
            _lanes.OffsetX[slot] = (random.NextDouble() - 0.5) * 0.01;
            _lanes.TailSumX[slot] = (random.NextDouble() - 0.5) * 0.1;
            _lanes.TailSumY[slot] = (random.NextDouble() - 0.5) * 0.1;
            _lanes.TailSumXX[slot] = n * 4e-4 * (0.5 + random.NextDouble());
            _lanes.TailSumYY[slot] = n * 4e-4 * (0.5 + random.NextDouble());
            _lanes.TailSumXY[slot] = n * 2e-4 * (random.NextDouble() - 0.3);
            _lanes.ToleranceX[slot] = 1e-12 * _lanes.TailSumXX[slot];
            _lanes.LiveDy[slot] = (random.NextDouble() - 0.5) * 0.04;
            _lanes.LiveSumY[slot] = _lanes.TailSumY[slot] + _lanes.LiveDy[slot];
            _lanes.LiveInvN[slot] = 1.0 / n;
            _lanes.LiveInvSy[slot] = 1.0 / Math.Sqrt(_lanes.TailSumYY[slot]);
            _lanes.LiveMask[slot] = slot % 5 == 0 ? 0 : -1L;
            _lanes.Committed[slot] = 0.25;
        }

        _temps = [.. Enumerable.Range(0, 6).Select(_ => new double[Padded])];
        _a = 0.003;
        Vector();
        var expected = _lanes.Correlation.ToArray();
        Tensors();
        for (var slot = 0; slot < N; slot++)
        {
            if (Math.Abs(expected[slot] - _lanes.Correlation[slot]) > 1e-12)
            {
                throw new InvalidOperationException($"Slot {slot}: {expected[slot]} vs {_lanes.Correlation[slot]}.");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public void Vector() => CorrelationKernel.Live(_a, _lanes, Padded);

    [Benchmark]
    public void Tensors()
    {
        var n = Padded;
        var l = _lanes;
        Span<double> dx = _temps[0].AsSpan(0, n), sx = _temps[1].AsSpan(0, n), sxx = _temps[2].AsSpan(0, n);
        Span<double> sxy = _temps[3].AsSpan(0, n), cxx = _temps[4].AsSpan(0, n), r = _temps[5].AsSpan(0, n);
        TensorPrimitives.Add(l.OffsetX.AsSpan(0, n), _a, dx);
        TensorPrimitives.Add(l.TailSumX.AsSpan(0, n), dx, sx);
        TensorPrimitives.Multiply(dx, dx, sxx);
        TensorPrimitives.Add(l.TailSumXX.AsSpan(0, n), sxx, sxx);
        TensorPrimitives.Multiply(dx, l.LiveDy.AsSpan(0, n), sxy);
        TensorPrimitives.Add(l.TailSumXY.AsSpan(0, n), sxy, sxy);
        TensorPrimitives.Multiply(sx, sx, cxx);
        TensorPrimitives.Multiply(cxx, l.LiveInvN.AsSpan(0, n), cxx);
        TensorPrimitives.Subtract(sxx, cxx, cxx);
        TensorPrimitives.Multiply(sx, l.LiveSumY.AsSpan(0, n), r);
        TensorPrimitives.Multiply(r, l.LiveInvN.AsSpan(0, n), r);
        TensorPrimitives.Subtract(sxy, r, r);
        TensorPrimitives.Multiply(r, l.LiveInvSy.AsSpan(0, n), r);
        TensorPrimitives.Sqrt<double>(cxx, dx);
        TensorPrimitives.Divide(r, dx, r);
        TensorPrimitives.Clamp(r, -1.0, 1.0, r);
        for (var i = 0; i < n; i++)
        {
            var defined = cxx[i] > l.ToleranceX[i] + (sxx[i] * MomentTolerance.Relative) && !double.IsNaN(l.LiveInvSy[i]);
            l.Correlation[i] = l.LiveMask[i] == 0 ? l.Committed[i] : (defined ? r[i] : double.NaN);
        }
    }
}
