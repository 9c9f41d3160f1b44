namespace AltseasonLive.Grains.Configuration;

/// <summary>
/// Pair-window event rules (section "Signals:Correlation"). Correlations are Pearson (-1..1), percentiles fractions.
/// Breakdown: a window shorter than the pair's longest closes below its usual range (the
/// [<see cref="BandLowerPercentile"/>, <see cref="BandUpperPercentile"/>] band of its own last
/// <see cref="BandLookback"/> values, learnt only while coupled) by more than its sampling noise -
/// <see cref="BreakdownSigma"/> standard errors of the Fisher z, 1/sqrt(window - 3), and at least
/// <see cref="BreakdownHysteresis"/> - while the longest window holds at or above <see cref="LongWindowHold"/>.
/// Recoupling: back at or above the band's lower edge.
/// Sign flip: beyond +/-<see cref="SignFlipHysteresis"/> on the other side of zero. Only full windows are evaluated.
/// </summary>
public sealed class CorrelationSignalOptions
{
    public const string SectionName = "Signals:Correlation";

    public int BandLookback { get; set; } = 250;

    public double BandLowerPercentile { get; set; } = 0.10;

    public double BandUpperPercentile { get; set; } = 0.90;

    public double LongWindowHold { get; set; } = 0.6;

    public double BreakdownHysteresis { get; set; } = 0.02;

    /// <summary>Fisher-z standard errors below the band's lower edge that count as a breakdown (shorter windows are noisier).</summary>
    public double BreakdownSigma { get; set; } = 1.5;

    public double SignFlipHysteresis { get; set; } = 0.05;

    /// <summary>
    /// Committed values (bars) kept per pair-window for snapshots: enough for the bundled daily history (2017 on), so
    /// the dashboard's "All" range spans it.
    /// </summary>
    public int HistoryLength { get; set; } = 4000;
}
