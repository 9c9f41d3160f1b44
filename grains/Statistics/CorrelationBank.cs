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
    private const long LiveBits = -1L;

    private readonly SlotLanes _lanes;
    private BankSlot[] _slots;
    private double[] _ring = [];
    private int _ringLength;

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
        _lanes = new SlotLanes(capacity);
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
            var capacity = RoundUp(_slots.Length * 2);
            Array.Resize(ref _slots, capacity);
            _lanes.Grow(capacity);
        }

        if (_ringLength + (2 * window) > _ring.Length)
        {
            Array.Resize(ref _ring, Math.Max(_ringLength + (2 * window), _ring.Length * 2));
        }

        var slot = Count++;
        _slots[slot] = new BankSlot { Window = new PairWindow(window, _ringLength, slot) };
        _ringLength += 2 * window;
        RefreshSlot(slot);
        RefreshCommitted(slot);
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
        CorrelationKernel.Live(_a, _lanes, RoundUpToVector(Count));
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
        var invN = _lanes.LiveInvN[slot];
        var cyy = syy - (sy * sy * invN);
        _lanes.LiveDy[slot] = dy;
        _lanes.LiveSumY[slot] = sy;
        _lanes.LiveInvSy[slot] = PairSums.InverseDeviation(cyy, syy, _lanes.ToleranceY[slot]);
        _lanes.LiveMask[slot] = LiveBits;
        if (_aRevised)
        {
            _lanes.Correlation[slot] = CorrelationKernel.LiveOne(_a, _lanes, slot);
        }
    }

    /// <summary>
    /// Closes the bar. Every slot whose legs both have a value in it commits (its oldest observation leaves a full
    /// window); the others skip the bar. Clears all in-progress values. O(slots), amortized O(1) per slot, with the
    /// committed correlations recomputed in one SIMD pass.
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

        CorrelationKernel.Committed(_lanes, RoundUpToVector(Count));
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
        if (_aRevised && _lanes.LiveMask[slot] != 0)
        {
            return s.Window.With(true, _a + _lanes.OffsetX[slot], _lanes.LiveDy[slot]).ToStats(s.Window.Window);
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

        _lanes.Correlation.AsSpan(0, Count).CopyTo(destination);
    }

    /// <summary>
    /// The live correlation of <paramref name="slot"/> as the SIMD passes left it (bit-identical to
    /// <see cref="GetStats"/>'s, <see cref="double.NaN"/> where that is null), without computing the other statistics. O(1).
    /// </summary>
    public double CorrelationOf(int slot)
    {
        SlotRef(slot);
        return _lanes.Correlation[slot];
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
            RefreshCommitted(slot);
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

    /// <summary>Re-derives the slot's SIMD lanes after its committed state changed; no in-progress B afterwards.</summary>
    private void RefreshSlot(int slot)
    {
        ref readonly var s = ref _slots[slot];
        ref readonly var w = ref s.Window;
        var lanes = _lanes;
        lanes.OffsetX[slot] = (Mode == CorrelationMode.Returns ? s.Carry : 0) - w.X.Shift;
        lanes.TailSumX[slot] = w.X.Sum;
        lanes.TailSumY[slot] = w.Y.Sum;
        lanes.TailSumXX[slot] = w.X.SumSquares;
        lanes.TailSumYY[slot] = w.Y.SumSquares;
        lanes.TailSumXY[slot] = w.SumXY;
        lanes.ToleranceX[slot] = w.ToleranceX;
        lanes.ToleranceY[slot] = w.ToleranceY;
        lanes.LiveInvN[slot] = 1.0 / (w.TailCount + 1);
        lanes.LiveInvSy[slot] = double.NaN;
        lanes.LiveMask[slot] = 0;
        if (w.TryGetOldest(_ring, out var x, out var y))
        {
            lanes.ExtraDx[slot] = x - w.X.Shift;
            lanes.ExtraDy[slot] = y - w.Y.Shift;
            lanes.CommittedInvN[slot] = lanes.LiveInvN[slot];
        }
        else
        {
            lanes.ExtraDx[slot] = 0;
            lanes.ExtraDy[slot] = 0;
            lanes.CommittedInvN[slot] = w.TailCount == 0 ? 1 : 1.0 / w.TailCount;
        }
    }

    /// <summary>One slot's committed correlation by the scalar path (bit-identical to the SIMD pass).</summary>
    private void RefreshCommitted(int slot)
    {
        var committed = _slots[slot].Window.Committed(_ring).Correlation();
        _lanes.Committed[slot] = committed;
        _lanes.Correlation[slot] = committed;
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
