using System.ComponentModel.DataAnnotations;

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

    [Range(2, 1_000_000, ErrorMessage = "Signals:Correlation:BandLookback must be between {1} and {2}.")]
    public int BandLookback { get; set; } = 250;

    [Range(0.0, 1.0, ErrorMessage = "Signals:Correlation:BandLowerPercentile must be between {1} and {2}.")]
    public double BandLowerPercentile { get; set; } = 0.10;

    [Range(0.0, 1.0, ErrorMessage = "Signals:Correlation:BandUpperPercentile must be between {1} and {2}.")]
    public double BandUpperPercentile { get; set; } = 0.90;

    [Range(-1.0, 1.0, ErrorMessage = "Signals:Correlation:LongWindowHold must be between {1} and {2}.")]
    public double LongWindowHold { get; set; } = 0.6;

    [Range(0.0, 2.0, ErrorMessage = "Signals:Correlation:BreakdownHysteresis must be between {1} and {2}.")]
    public double BreakdownHysteresis { get; set; } = 0.02;

    /// <summary>Fisher-z standard errors below the band's lower edge that count as a breakdown (shorter windows are noisier).</summary>
    [Range(0.0, 100.0, ErrorMessage = "Signals:Correlation:BreakdownSigma must be between {1} and {2}.")]
    public double BreakdownSigma { get; set; } = 1.5;

    [Range(0.0, 1.0, ErrorMessage = "Signals:Correlation:SignFlipHysteresis must be between {1} and {2}.")]
    public double SignFlipHysteresis { get; set; } = 0.05;

    /// <summary>
    /// Committed values (bars) kept per pair-window for snapshots: enough for the bundled daily history (2017 on), so
    /// the dashboard's "All" range spans it.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "Signals:Correlation:HistoryLength must be between {1} and {2}.")]
    public int HistoryLength { get; set; } = 4000;
}
