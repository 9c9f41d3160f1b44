using System.Numerics;
using System.Runtime.InteropServices;

namespace AltseasonLive.Statistics;

/// <summary>
/// The SIMD passes of <see cref="CorrelationBank"/> over <see cref="SlotLanes"/>. Both mirror
/// <see cref="PairSums.Correlation"/> operation for operation, so a slot's correlation is bit-identical whichever
/// path computed it. <c>length</c> is padded to a multiple of <see cref="Vector{T}.Count"/>.
/// </summary>
internal static class CorrelationKernel
{
    /// <summary>Live correlations after leg A's in-progress observation moved; <paramref name="a"/> + OffsetX is each slot's deviation.</summary>
    public static void Live(double a, SlotLanes lanes, int length)
    {
        var offsetX = Lanes(lanes.OffsetX, length);
        var tailSx = Lanes(lanes.TailSumX, length);
        var tailSxx = Lanes(lanes.TailSumXX, length);
        var tailSxy = Lanes(lanes.TailSumXY, length);
        var toleranceX = Lanes(lanes.ToleranceX, length);
        var liveDy = Lanes(lanes.LiveDy, length);
        var liveSy = Lanes(lanes.LiveSumY, length);
        var liveInvN = Lanes(lanes.LiveInvN, length);
        var liveInvSy = Lanes(lanes.LiveInvSy, length);
        var liveMask = MemoryMarshal.Cast<long, Vector<long>>(lanes.LiveMask.AsSpan(0, length));
        var committed = Lanes(lanes.Committed, length);
        var output = MemoryMarshal.Cast<double, Vector<double>>(lanes.Correlation.AsSpan(0, length));

        var va = new Vector<double>(a);
        var relative = new Vector<double>(MomentTolerance.Relative);
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
            var r = Clamp(cxy * invSy / Vector.SquareRoot(cxx));
            var defined = Vector.GreaterThan(cxx, toleranceX[i] + (sxx * relative)) & Vector.Equals(invSy, invSy);
            output[i] = Vector.ConditionalSelect(liveMask[i], Vector.ConditionalSelect(defined, r, nan), committed[i]);
        }
    }

    /// <summary>Correlations without an in-progress bar (tail plus extra), into Committed and Correlation.</summary>
    public static void Committed(SlotLanes lanes, int length)
    {
        var tailSx = Lanes(lanes.TailSumX, length);
        var tailSy = Lanes(lanes.TailSumY, length);
        var tailSxx = Lanes(lanes.TailSumXX, length);
        var tailSyy = Lanes(lanes.TailSumYY, length);
        var tailSxy = Lanes(lanes.TailSumXY, length);
        var toleranceX = Lanes(lanes.ToleranceX, length);
        var toleranceY = Lanes(lanes.ToleranceY, length);
        var extraDx = Lanes(lanes.ExtraDx, length);
        var extraDy = Lanes(lanes.ExtraDy, length);
        var committedInvN = Lanes(lanes.CommittedInvN, length);
        var committed = MemoryMarshal.Cast<double, Vector<double>>(lanes.Committed.AsSpan(0, length));
        var output = MemoryMarshal.Cast<double, Vector<double>>(lanes.Correlation.AsSpan(0, length));

        var relative = new Vector<double>(MomentTolerance.Relative);
        var nan = new Vector<double>(double.NaN);
        var one = Vector<double>.One;
        for (var i = 0; i < output.Length; i++)
        {
            var dx = extraDx[i];
            var dy = extraDy[i];
            var sx = tailSx[i] + dx;
            var sy = tailSy[i] + dy;
            var sxx = tailSxx[i] + (dx * dx);
            var syy = tailSyy[i] + (dy * dy);
            var sxy = tailSxy[i] + (dx * dy);
            var invN = committedInvN[i];
            var cxx = sxx - (sx * sx * invN);
            var cyy = syy - (sy * sy * invN);
            var cxy = sxy - (sx * sy * invN);
            var r = Clamp(cxy * (one / Vector.SquareRoot(cyy)) / Vector.SquareRoot(cxx));
            var defined = Vector.GreaterThan(cxx, toleranceX[i] + (sxx * relative))
                & Vector.GreaterThan(cyy, toleranceY[i] + (syy * relative))
                & Vector.LessThan(invN, one);
            var result = Vector.ConditionalSelect(defined, r, nan);
            committed[i] = result;
            output[i] = result;
        }
    }

    private static ReadOnlySpan<Vector<double>> Lanes(double[] values, int length) =>
        MemoryMarshal.Cast<double, Vector<double>>(values.AsSpan(0, length));

    private static Vector<double> Clamp(Vector<double> r) => Vector.Min(Vector.Max(r, -Vector<double>.One), Vector<double>.One);
}
