namespace AltseasonLive.Silo.Analysis;

/// <summary>One signal at one horizon: its forward-return statistics against the unconditional ones over the same span.</summary>
public sealed record EventStudyRow(string Signal, int Signals, ForwardReturnStats Conditional, ForwardReturnStats Unconditional)
{
    /// <summary>Below this many signals with a forward return the row means nothing.</summary>
    public const int MinimumMeaningfulCount = 10;

    public double? ExcessMean => Conditional.Mean - Unconditional.Mean;

    public bool TooFew => Conditional.Count < MinimumMeaningfulCount;
}
