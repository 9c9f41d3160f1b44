namespace AltseasonLive.Statistics;

/// <summary>Cold per-slot state of a <see cref="CorrelationBank"/>, touched by ReviseB, CommitBar and GetStats only.</summary>
internal struct BankSlot
{
    public PairWindow Window;
    public int Samples;
    public bool HasPrevious;

    /// <summary>Returns mode: leg A's close at this slot's last pair bar.</summary>
    public double PreviousA;

    /// <summary>Returns mode: leg B's close at this slot's last pair bar.</summary>
    public double PreviousB;

    /// <summary>Returns mode: ln(last committed A close / PreviousA), non-zero after bars this slot skipped.</summary>
    public double Carry;

    public bool BRevised;
    public double LiveB;
    public double LiveY;
}
