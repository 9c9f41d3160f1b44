using System.Numerics;
using System.Runtime.InteropServices;

namespace AltseasonLive.Statistics;

/// <summary>
/// The per-tick SIMD pass of <see cref="CorrelationBank"/>: given leg A's live observation, the live correlation of
/// every slot from its precomputed tail sums and leg-B terms. Mirrors <see cref="PairSums.Correlation"/> operation for
/// operation. Spans are padded to a multiple of <see cref="Vector{T}.Count"/>.
/// </summary>
internal static class CorrelationKernel
{
    public readonly ref struct Inputs
    {
        public required ReadOnlySpan<double> OffsetX { get; init; }
        public required ReadOnlySpan<double> TailSumX { get; init; }
        public required ReadOnlySpan<double> TailSumXX { get; init; }
        public required ReadOnlySpan<double> TailSumXY { get; init; }
        public required ReadOnlySpan<double> ToleranceX { get; init; }
        public required ReadOnlySpan<double> LiveDy { get; init; }
        public required ReadOnlySpan<double> LiveSumY { get; init; }
        public required ReadOnlySpan<double> LiveInvN { get; init; }
        public required ReadOnlySpan<double> LiveInvSy { get; init; }
        public required ReadOnlySpan<long> LiveMask { get; init; }
        public required ReadOnlySpan<double> Committed { get; init; }
    }

    public static void Run(double a, in Inputs inputs, Span<double> correlation)
    {
        var offsetX = MemoryMarshal.Cast<double, Vector<double>>(inputs.OffsetX);
        var tailSx = MemoryMarshal.Cast<double, Vector<double>>(inputs.TailSumX);
        var tailSxx = MemoryMarshal.Cast<double, Vector<double>>(inputs.TailSumXX);
        var tailSxy = MemoryMarshal.Cast<double, Vector<double>>(inputs.TailSumXY);
        var toleranceX = MemoryMarshal.Cast<double, Vector<double>>(inputs.ToleranceX);
        var liveDy = MemoryMarshal.Cast<double, Vector<double>>(inputs.LiveDy);
        var liveSy = MemoryMarshal.Cast<double, Vector<double>>(inputs.LiveSumY);
        var liveInvN = MemoryMarshal.Cast<double, Vector<double>>(inputs.LiveInvN);
        var liveInvSy = MemoryMarshal.Cast<double, Vector<double>>(inputs.LiveInvSy);
        var liveMask = MemoryMarshal.Cast<long, Vector<long>>(inputs.LiveMask);
        var committed = MemoryMarshal.Cast<double, Vector<double>>(inputs.Committed);
        var output = MemoryMarshal.Cast<double, Vector<double>>(correlation);

        var va = new Vector<double>(a);
        var relative = new Vector<double>(MomentTolerance.Relative);
        var one = Vector<double>.One;
        var minusOne = -Vector<double>.One;
        var nan = new Vector<double>(double.NaN);
        for (var i = 0; i < output.Length; i++)
        {
            var dx = va + offsetX[i];
            var sx = tailSx[i] + dx;
            var sxx = tailSxx[i] + (dx * dx);
            var sxy = tailSxy[i] + (dx * liveDy[i]);
            var invN = liveInvN[i];
            var cxx = sxx - (sx * sx * invN);
            var cxy = sxy - (sx * liveSy[i] * invN);
            var invSy = liveInvSy[i];
            var r = cxy * invSy / Vector.SquareRoot(cxx);
            r = Vector.Min(Vector.Max(r, minusOne), one);
            var defined = Vector.GreaterThan(cxx, toleranceX[i] + (sxx * relative)) & Vector.Equals(invSy, invSy);
            output[i] = Vector.ConditionalSelect(liveMask[i], Vector.ConditionalSelect(defined, r, nan), committed[i]);
        }
    }
}
