namespace AltseasonLive.Statistics;

/// <summary>
/// The committed part of one pair window: a ring of the last W observations (interleaved x, y in a caller-owned
/// buffer at <see cref="Offset"/>, so many windows can share one contiguous array) and shifted running sums over the
/// newest min(Count, W - 1) of them, the "tail". Statistics add one more observation to the tail: the in-progress bar
/// when there is one, otherwise the oldest ring entry. Both cases are O(1).
/// Sums are rebuilt exactly from the ring every W commits, and earlier when the centered moment collapses far below
/// its peak, so rounding error stays bounded in a process that runs for months.
/// </summary>
internal struct PairWindow
{
    private const double PrecisionLossRatio = 1e-6;

    public int Window;
    public int Offset;
    public int Stagger;
    public int Next;
    public int Count;
    public int TailCount;
    public int SinceRebuild;
    public SeriesMoments X;
    public SeriesMoments Y;
    public double SumXY;

    public PairWindow(int window, int offset, int stagger)
    {
        Window = window;
        Offset = offset;
        Stagger = stagger % window;
        SinceRebuild = Stagger;
    }

    public readonly double ToleranceX => MomentTolerance.PeakFactor(Window) * X.Peak;

    public readonly double ToleranceY => MomentTolerance.PeakFactor(Window) * Y.Peak;

    public void Clear()
    {
        Next = 0;
        Count = 0;
        TailCount = 0;
        X = default;
        Y = default;
        SumXY = 0;
        SinceRebuild = Stagger;
    }

    public void Commit(double[] buffer, double x, double y)
    {
        if (Count == 0 && TailCount == 0)
        {
            X.Shift = x;
            Y.Shift = y;
        }

        var at = Offset + (2 * Next);
        buffer[at] = x;
        buffer[at + 1] = y;
        Next = Next + 1 == Window ? 0 : Next + 1;
        if (Count < Window)
        {
            Count++;
        }

        AddToTail(x, y);
        if (Count == Window)
        {
            var oldest = Offset + (2 * Next);
            RemoveFromTail(buffer[oldest], buffer[oldest + 1]);
        }

        SinceRebuild++;
        if (SinceRebuild >= Window || (SinceRebuild >= Math.Max(1, Window / 16) && LostPrecision()))
        {
            Rebuild(buffer);
        }
    }

    /// <summary>The oldest ring entry, which completes a full window when there is no in-progress bar.</summary>
    public readonly bool TryGetOldest(double[] buffer, out double x, out double y)
    {
        if (Count == Window)
        {
            var oldest = Offset + (2 * Next);
            x = buffer[oldest];
            y = buffer[oldest + 1];
            return true;
        }

        x = 0;
        y = 0;
        return false;
    }

    /// <summary>Tail sums plus one extra observation given as deviations from the shifts.</summary>
    public readonly PairSums With(bool hasExtra, double dx, double dy)
    {
        if (!hasExtra)
        {
            return new PairSums(TailCount, X.Shift, Y.Shift, X.Sum, Y.Sum, X.SumSquares, Y.SumSquares, SumXY, ToleranceX, ToleranceY);
        }

        return new PairSums(
            TailCount + 1,
            X.Shift,
            Y.Shift,
            X.Sum + dx,
            Y.Sum + dy,
            X.SumSquares + (dx * dx),
            Y.SumSquares + (dy * dy),
            SumXY + (dx * dy),
            ToleranceX,
            ToleranceY);
    }

    /// <summary>Statistics without an in-progress bar: the last min(Count, W) committed observations.</summary>
    public readonly PairSums Committed(double[] buffer)
    {
        var has = TryGetOldest(buffer, out var x, out var y);
        return With(has, x - X.Shift, y - Y.Shift);
    }

    private void AddToTail(double x, double y)
    {
        X.Add(x);
        Y.Add(y);
        SumXY += (x - X.Shift) * (y - Y.Shift);
        TailCount++;
    }

    private void RemoveFromTail(double x, double y)
    {
        X.Remove(x);
        Y.Remove(y);
        SumXY -= (x - X.Shift) * (y - Y.Shift);
        TailCount--;
    }

    /// <summary>Centered moment below a millionth of the peak: cancellation is eating digits (n x centered, no division).</summary>
    private readonly bool LostPrecision() =>
        (X.SumSquares * TailCount) - (X.Sum * X.Sum) < PrecisionLossRatio * TailCount * X.Peak
        || (Y.SumSquares * TailCount) - (Y.Sum * Y.Sum) < PrecisionLossRatio * TailCount * Y.Peak;

    /// <summary>Exact re-summation of the tail about its newest observation (exactly zero sums for a constant tail).</summary>
    private void Rebuild(double[] buffer)
    {
        SinceRebuild = 0;
        if (TailCount == 0)
        {
            X.Rebuild(X.Shift, 0, 0);
            Y.Rebuild(Y.Shift, 0, 0);
            SumXY = 0;
            return;
        }

        var sums = TailResummation.AboutNewest(buffer.AsSpan(Offset, 2 * Window), Next == 0 ? Window - 1 : Next - 1, TailCount);
        X.Rebuild(sums.KX, sums.SX, sums.SXX);
        Y.Rebuild(sums.KY, sums.SY, sums.SYY);
        SumXY = sums.SXY;
    }
}
