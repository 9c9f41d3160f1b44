using System.Numerics;

namespace AltseasonLive.Statistics;

/// <summary>
/// Many rolling pair windows that share leg A (one asset against hundreds of others, windows of 30/90/365 bars).
/// A tick on A updates every slot's live correlation in one SIMD pass over contiguous structure-of-arrays
/// (<see cref="Vector{T}"/>), not a loop over objects; history lives in one shared ring array with per-slot offsets.
/// ReviseA, ReviseB, CommitBar and GetStats allocate nothing.
/// <para>
/// Calendar rule: a bar is a pair bar for a slot only when both A and that slot's B were revised in it. At
/// <see cref="CommitBar"/> such slots commit; the others skip the bar, and until then their statistics exclude the
/// in-progress bar. In Returns mode an observation is ln(close / close at the slot's previous pair bar), so a gap
/// spans the skipped bars and the first pair bar yields no observation.
/// </para>
/// </summary>
public sealed class CorrelationBank
{
    private static readonly long LiveBits = -1L;

    private BankSlot[] _slots;
    private double[] _ring = [];
    private int _ringLength;

    private double[] _offsetX;
    private double[] _tailSumX;
    private double[] _tailSumXX;
    private double[] _tailSumXY;
    private double[] _toleranceX;
    private double[] _liveDy;
    private double[] _liveSumY;
    private double[] _liveInvN;
    private double[] _liveInvSy;
    private long[] _liveMask;
    private double[] _committed;
    private double[] _correlation;

    private bool _aRevised;
    private double _priceA;
    private double _a;
    private bool _hasLastA;
    private double _lastA;

    /// <param name="mode">Returns or levels, for every slot.</param>
    /// <param name="initialCapacity">Slots to allocate up front; the bank grows as needed.</param>
    public CorrelationBank(CorrelationMode mode, int initialCapacity = 16)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown correlation mode.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(initialCapacity);
        Mode = mode;
        var capacity = RoundUp(Math.Max(initialCapacity, 1));
        _slots = new BankSlot[capacity];
        _offsetX = new double[capacity];
        _tailSumX = new double[capacity];
        _tailSumXX = new double[capacity];
        _tailSumXY = new double[capacity];
        _toleranceX = new double[capacity];
        _liveDy = new double[capacity];
        _liveSumY = new double[capacity];
        _liveInvN = new double[capacity];
        _liveInvSy = new double[capacity];
        _liveMask = new long[capacity];
        _committed = new double[capacity];
        _correlation = new double[capacity];
    }

    public CorrelationMode Mode { get; }

    /// <summary>Number of slots.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a window over leg A and a new leg B; returns its slot index (the caller maps slot to leg B and window).</summary>
    /// <param name="window">Window length in pair bars, at least 2.</param>
    public int AddWindow(int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        if (Count == _slots.Length)
        {
            Grow(RoundUp(_slots.Length * 2));
        }

        if (_ringLength + (2 * window) > _ring.Length)
        {
            Array.Resize(ref _ring, Math.Max(_ringLength + (2 * window), _ring.Length * 2));
        }

        var slot = Count++;
        _slots[slot] = new BankSlot { Window = new PairWindow(window, _ringLength, slot) };
        _ringLength += 2 * window;
        RefreshSlot(slot);
        return slot;
    }

    /// <summary>Window length in pair bars of <paramref name="slot"/>.</summary>
    public int WindowOf(int slot) => SlotRef(slot).Window.Window;

    /// <summary>True once the slot's committed history fills its window.</summary>
    public bool IsReady(int slot)
    {
        ref readonly var s = ref SlotRef(slot);
        return s.Window.Count == s.Window.Window;
    }

    /// <summary>Committed pair bars of <paramref name="slot"/> since it was added or the bank was reset.</summary>
    public int SamplesOf(int slot) => SlotRef(slot).Samples;

    /// <summary>Sets or replaces shared leg A's in-progress close and recomputes every slot's live correlation in one SIMD pass.</summary>
    /// <param name="priceA">Leg A close (Returns mode: finite and &gt; 0).</param>
    public void ReviseA(double priceA)
    {
        PriceGuard.Check(priceA, Mode, nameof(priceA));
        _priceA = priceA;
        _aRevised = true;
        _a = Mode == CorrelationMode.Levels ? priceA : (_hasLastA ? Math.Log(priceA / _lastA) : 0);
        var length = RoundUpToVector(Count);
        var inputs = new CorrelationKernel.Inputs
        {
            OffsetX = _offsetX.AsSpan(0, length),
            TailSumX = _tailSumX.AsSpan(0, length),
            TailSumXX = _tailSumXX.AsSpan(0, length),
            TailSumXY = _tailSumXY.AsSpan(0, length),
            ToleranceX = _toleranceX.AsSpan(0, length),
            LiveDy = _liveDy.AsSpan(0, length),
            LiveSumY = _liveSumY.AsSpan(0, length),
            LiveInvN = _liveInvN.AsSpan(0, length),
            LiveInvSy = _liveInvSy.AsSpan(0, length),
            LiveMask = _liveMask.AsSpan(0, length),
            Committed = _committed.AsSpan(0, length),
        };
        CorrelationKernel.Run(_a, inputs, _correlation.AsSpan(0, length));
    }

    /// <summary>Sets or replaces the in-progress close of <paramref name="slot"/>'s leg B. O(1).</summary>
    /// <param name="slot">Slot index from <see cref="AddWindow"/>.</param>
    /// <param name="priceB">Leg B close (Returns mode: finite and &gt; 0).</param>
    public void ReviseB(int slot, double priceB)
    {
        ref var s = ref SlotRef(slot);
        PriceGuard.Check(priceB, Mode, nameof(priceB));
        s.LiveB = priceB;
        s.BRevised = true;
        if (Mode == CorrelationMode.Returns && !s.HasPrevious)
        {
            return;
        }

        s.LiveY = Mode == CorrelationMode.Levels ? priceB : Math.Log(priceB / s.PreviousB);
        ref readonly var w = ref s.Window;
        var dy = s.LiveY - w.Y.Shift;
        var sy = w.Y.Sum + dy;
        var syy = w.Y.SumSquares + (dy * dy);
        var invN = 1.0 / (w.TailCount + 1);
        var cyy = syy - (sy * sy * invN);
        _liveDy[slot] = dy;
        _liveSumY[slot] = sy;
        _liveInvN[slot] = invN;
        _liveInvSy[slot] = PairSums.InverseDeviation(cyy, syy, w.ToleranceY);
        _liveMask[slot] = LiveBits;
        if (_aRevised)
        {
            _correlation[slot] = w.With(true, _a + _offsetX[slot], dy).Correlation();
        }
    }

    /// <summary>
    /// Closes the bar. Every slot whose legs both have a value in it commits (its oldest observation leaves a full
    /// window); the others skip the bar. Clears all in-progress values. O(slots), amortized O(1) per slot.
    /// </summary>
    public void CommitBar()
    {
        var aRevised = _aRevised;
        var returns = Mode == CorrelationMode.Returns;
        for (var slot = 0; slot < Count; slot++)
        {
            ref var s = ref _slots[slot];
            if (aRevised && s.BRevised)
            {
                if (!returns || s.HasPrevious)
                {
                    var x = returns ? _a + s.Carry : _priceA;
                    s.Window.Commit(_ring, x, s.LiveY);
                }

                s.HasPrevious = true;
                s.PreviousA = _priceA;
                s.PreviousB = s.LiveB;
                s.Carry = 0;
                s.Samples++;
            }
            else if (aRevised && returns && s.HasPrevious)
            {
                s.Carry = Math.Log(_priceA / s.PreviousA);
            }

            s.BRevised = false;
            RefreshSlot(slot);
        }

        if (aRevised)
        {
            _lastA = _priceA;
            _hasLastA = true;
        }

        _aRevised = false;
    }

    /// <summary>Statistics of <paramref name="slot"/>, including the in-progress bar when both legs have one. O(1), no side effects.</summary>
    public CorrelationStats GetStats(int slot)
    {
        ref readonly var s = ref SlotRef(slot);
        if (_aRevised && _liveMask[slot] != 0)
        {
            return s.Window.With(true, _a + _offsetX[slot], _liveDy[slot]).ToStats(s.Window.Window);
        }

        return s.Window.Committed(_ring).ToStats(s.Window.Window);
    }

    /// <summary>
    /// Copies the live correlation of every slot (index = slot) for bulk pushes. Undefined correlations (too few
    /// bars, zero variance) are written as <see cref="double.NaN"/> here, unlike <see cref="GetStats"/>'s null.
    /// </summary>
    /// <param name="destination">At least <see cref="Count"/> elements.</param>
    public void CopyCorrelations(Span<double> destination)
    {
        if (destination.Length < Count)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values but the bank has {Count} slots.", nameof(destination));
        }

        _correlation.AsSpan(0, Count).CopyTo(destination);
    }

    /// <summary>Forgets all history and in-progress values; slots and their windows stay.</summary>
    public void Reset()
    {
        for (var slot = 0; slot < Count; slot++)
        {
            ref var s = ref _slots[slot];
            s.Window.Clear();
            s = new BankSlot { Window = s.Window };
            RefreshSlot(slot);
        }

        _aRevised = false;
        _hasLastA = false;
        _lastA = 0;
        _priceA = 0;
        _a = 0;
    }

    private ref BankSlot SlotRef(int slot)
    {
        if ((uint)slot >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), slot, $"The bank has {Count} slots.");
        }

        return ref _slots[slot];
    }

    /// <summary>Re-derives the slot's hot SIMD fields after its committed state changed; no in-progress B afterwards.</summary>
    private void RefreshSlot(int slot)
    {
        ref readonly var s = ref _slots[slot];
        ref readonly var w = ref s.Window;
        _offsetX[slot] = (Mode == CorrelationMode.Returns ? s.Carry : 0) - w.X.Shift;
        _tailSumX[slot] = w.X.Sum;
        _tailSumXX[slot] = w.X.SumSquares;
        _tailSumXY[slot] = w.SumXY;
        _toleranceX[slot] = w.ToleranceX;
        _liveDy[slot] = 0;
        _liveSumY[slot] = 0;
        _liveInvN[slot] = 1.0 / (w.TailCount + 1);
        _liveInvSy[slot] = double.NaN;
        _liveMask[slot] = 0;
        var committed = w.Committed(_ring).Correlation();
        _committed[slot] = committed;
        _correlation[slot] = committed;
    }

    private void Grow(int capacity)
    {
        Array.Resize(ref _slots, capacity);
        Array.Resize(ref _offsetX, capacity);
        Array.Resize(ref _tailSumX, capacity);
        Array.Resize(ref _tailSumXX, capacity);
        Array.Resize(ref _tailSumXY, capacity);
        Array.Resize(ref _toleranceX, capacity);
        Array.Resize(ref _liveDy, capacity);
        Array.Resize(ref _liveSumY, capacity);
        Array.Resize(ref _liveInvN, capacity);
        Array.Resize(ref _liveInvSy, capacity);
        Array.Resize(ref _liveMask, capacity);
        Array.Resize(ref _committed, capacity);
        Array.Resize(ref _correlation, capacity);
    }

    private static int RoundUp(int value)
    {
        var padding = Math.Max(8, Vector<double>.Count);
        return (value + padding - 1) / padding * padding;
    }

    private static int RoundUpToVector(int value)
    {
        var lanes = Vector<double>.Count;
        return (value + lanes - 1) / lanes * lanes;
    }
}
