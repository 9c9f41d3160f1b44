namespace AltseasonLive.Statistics;

/// <summary>
/// Hot per-slot fields of a <see cref="CorrelationBank"/> as structure-of-arrays, padded to a multiple of the SIMD
/// width, so a tick streams through contiguous memory. "Live" fields hold leg B's in-progress terms (valid where
/// <see cref="LiveMask"/> is set); "Committed" fields hold the window without an in-progress bar (tail plus the oldest
/// ring entry, or the tail alone while the window is not full).
/// </summary>
internal sealed class SlotLanes(int capacity)
{
    public double[] OffsetX = new double[capacity];
    public double[] TailSumX = new double[capacity];
    public double[] TailSumY = new double[capacity];
    public double[] TailSumXX = new double[capacity];
    public double[] TailSumYY = new double[capacity];
    public double[] TailSumXY = new double[capacity];
    public double[] ToleranceX = new double[capacity];
    public double[] ToleranceY = new double[capacity];
    public double[] LiveDy = new double[capacity];
    public double[] LiveSumY = new double[capacity];
    public double[] LiveInvN = new double[capacity];
    public double[] LiveInvSy = new double[capacity];
    public long[] LiveMask = new long[capacity];
    public double[] ExtraDx = new double[capacity];
    public double[] ExtraDy = new double[capacity];
    public double[] CommittedInvN = new double[capacity];
    public double[] Committed = new double[capacity];
    public double[] Correlation = new double[capacity];

    public int Capacity => Correlation.Length;

    public void Grow(int capacity)
    {
        Array.Resize(ref OffsetX, capacity);
        Array.Resize(ref TailSumX, capacity);
        Array.Resize(ref TailSumY, capacity);
        Array.Resize(ref TailSumXX, capacity);
        Array.Resize(ref TailSumYY, capacity);
        Array.Resize(ref TailSumXY, capacity);
        Array.Resize(ref ToleranceX, capacity);
        Array.Resize(ref ToleranceY, capacity);
        Array.Resize(ref LiveDy, capacity);
        Array.Resize(ref LiveSumY, capacity);
        Array.Resize(ref LiveInvN, capacity);
        Array.Resize(ref LiveInvSy, capacity);
        Array.Resize(ref LiveMask, capacity);
        Array.Resize(ref ExtraDx, capacity);
        Array.Resize(ref ExtraDy, capacity);
        Array.Resize(ref CommittedInvN, capacity);
        Array.Resize(ref Committed, capacity);
        Array.Resize(ref Correlation, capacity);
    }
}
