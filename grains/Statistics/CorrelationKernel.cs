using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AltseasonLive.Statistics;

/// <summary>
/// The SIMD passes of <see cref="CorrelationBank"/> over <see cref="SlotLanes"/>. Both mirror
/// <see cref="PairSums.Correlation"/> operation for operation, so a slot's correlation is bit-identical whichever
/// path computed it. <c>length</c> is padded to a multiple of <see cref="Vector{T}.Count"/>. The loops index with
/// <see cref="Unsafe.Add{T}(ref T, nint)"/> after one up-front length check against the lanes' common capacity
/// (all lane arrays are allocated and grown together), which removes a bounds check per array per vector.
/// </summary>
internal static class CorrelationKernel
{
    /// <summary>Live correlations after leg A's in-progress observation moved; <paramref name="a"/> + OffsetX is each slot's deviation.</summary>
    public static void Live(double a, SlotLanes lanes, int length)
    {
        var count = Vectors(lanes, length);
        ref var offsetX = ref Lane(lanes.OffsetX);
        ref var tailSx = ref Lane(lanes.TailSumX);
        ref var tailSxx = ref Lane(lanes.TailSumXX);
        ref var tailSxy = ref Lane(lanes.TailSumXY);
        ref var toleranceX = ref Lane(lanes.ToleranceX);
        ref var liveDy = ref Lane(lanes.LiveDy);
        ref var liveSy = ref Lane(lanes.LiveSumY);
        ref var liveInvN = ref Lane(lanes.LiveInvN);
        ref var liveInvSy = ref Lane(lanes.LiveInvSy);
        ref var liveMask = ref Unsafe.As<long, Vector<long>>(ref MemoryMarshal.GetArrayDataReference(lanes.LiveMask));
        ref var committed = ref Lane(lanes.Committed);
        ref var output = ref Lane(lanes.Correlation);

        var va = new Vector<double>(a);
        var relative = new Vector<double>(MomentTolerance.Relative);
        var nan = new Vector<double>(double.NaN);
        for (nint i = 0; i < count; i++)
        {
            var dx = va + Unsafe.Add(ref offsetX, i);
            var sx = Unsafe.Add(ref tailSx, i) + dx;
            var sxx = Unsafe.Add(ref tailSxx, i) + (dx * dx);
            var sxy = Unsafe.Add(ref tailSxy, i) + (dx * Unsafe.Add(ref liveDy, i));
            var invN = Unsafe.Add(ref liveInvN, i);
            var cxx = sxx - (sx * sx * invN);
            var cxy = sxy - (sx * Unsafe.Add(ref liveSy, i) * invN);
            var invSy = Unsafe.Add(ref liveInvSy, i);
            var r = Clamp(cxy * invSy / Vector.SquareRoot(cxx));
            var defined = Vector.GreaterThan(cxx, Unsafe.Add(ref toleranceX, i) + (sxx * relative)) & Vector.Equals(invSy, invSy);
            Unsafe.Add(ref output, i) = Vector.ConditionalSelect(
                Unsafe.Add(ref liveMask, i), Vector.ConditionalSelect(defined, r, nan), Unsafe.Add(ref committed, i));
        }
    }

    /// <summary>The <see cref="Live"/> computation for one slot, scalar, after that slot's leg B moved.</summary>
    public static double LiveOne(double a, SlotLanes lanes, int slot)
    {
        var dx = a + lanes.OffsetX[slot];
        var sx = lanes.TailSumX[slot] + dx;
        var sxx = lanes.TailSumXX[slot] + (dx * dx);
        var sxy = lanes.TailSumXY[slot] + (dx * lanes.LiveDy[slot]);
        var invN = lanes.LiveInvN[slot];
        var cxx = sxx - (sx * sx * invN);
        var cxy = sxy - (sx * lanes.LiveSumY[slot] * invN);
        var invSy = lanes.LiveInvSy[slot];
        if (!MomentTolerance.IsVariance(cxx, sxx, lanes.ToleranceX[slot]) || double.IsNaN(invSy))
        {
            return double.NaN;
        }

        return Math.Clamp(cxy * invSy / Math.Sqrt(cxx), -1.0, 1.0);
    }

    /// <summary>Correlations without an in-progress bar (tail plus extra), into Committed and Correlation.</summary>
    public static void Committed(SlotLanes lanes, int length)
    {
        var count = Vectors(lanes, length);
        ref var tailSx = ref Lane(lanes.TailSumX);
        ref var tailSy = ref Lane(lanes.TailSumY);
        ref var tailSxx = ref Lane(lanes.TailSumXX);
        ref var tailSyy = ref Lane(lanes.TailSumYY);
        ref var tailSxy = ref Lane(lanes.TailSumXY);
        ref var toleranceX = ref Lane(lanes.ToleranceX);
        ref var toleranceY = ref Lane(lanes.ToleranceY);
        ref var extraDx = ref Lane(lanes.ExtraDx);
        ref var extraDy = ref Lane(lanes.ExtraDy);
        ref var committedInvN = ref Lane(lanes.CommittedInvN);
        ref var committed = ref Lane(lanes.Committed);
        ref var output = ref Lane(lanes.Correlation);

        var relative = new Vector<double>(MomentTolerance.Relative);
        var nan = new Vector<double>(double.NaN);
        var one = Vector<double>.One;
        for (nint i = 0; i < count; i++)
        {
            var dx = Unsafe.Add(ref extraDx, i);
            var dy = Unsafe.Add(ref extraDy, i);
            var sx = Unsafe.Add(ref tailSx, i) + dx;
            var sy = Unsafe.Add(ref tailSy, i) + dy;
            var sxx = Unsafe.Add(ref tailSxx, i) + (dx * dx);
            var syy = Unsafe.Add(ref tailSyy, i) + (dy * dy);
            var sxy = Unsafe.Add(ref tailSxy, i) + (dx * dy);
            var invN = Unsafe.Add(ref committedInvN, i);
            var cxx = sxx - (sx * sx * invN);
            var cyy = syy - (sy * sy * invN);
            var cxy = sxy - (sx * sy * invN);
            var r = Clamp(cxy * (one / Vector.SquareRoot(cyy)) / Vector.SquareRoot(cxx));
            var defined = Vector.GreaterThan(cxx, Unsafe.Add(ref toleranceX, i) + (sxx * relative))
                & Vector.GreaterThan(cyy, Unsafe.Add(ref toleranceY, i) + (syy * relative))
                & Vector.LessThan(invN, one);
            var result = Vector.ConditionalSelect(defined, r, nan);
            Unsafe.Add(ref committed, i) = result;
            Unsafe.Add(ref output, i) = result;
        }
    }

    /// <summary>Number of whole vectors in <paramref name="length"/>, checked once against every lane array's length.</summary>
    private static nint Vectors(SlotLanes lanes, int length)
    {
        if ((uint)length > (uint)lanes.Capacity || length % Vector<double>.Count != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "Length must be a multiple of the SIMD width within capacity.");
        }

        return length / Vector<double>.Count;
    }

    private static ref Vector<double> Lane(double[] values) =>
        ref Unsafe.As<double, Vector<double>>(ref MemoryMarshal.GetArrayDataReference(values));

    private static Vector<double> Clamp(Vector<double> r) => Vector.Min(Vector.Max(r, -Vector<double>.One), Vector<double>.One);
}
