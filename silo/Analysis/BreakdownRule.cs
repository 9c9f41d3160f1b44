using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Correlation;
using AltseasonLive.Statistics;

namespace AltseasonLive.Silo.Analysis;

/// <summary>
/// The grains' correlation-breakdown rule for one short window, driven by the grains' own
/// <see cref="CorrelationSignalOptions"/> (defaults: band of the last 250 values, 10th-90th percentiles, long window
/// must hold at or above 0.6) and their threshold (<see cref="PairWindowSignals.BreakdownThreshold"/>: the band's lower
/// edge less 1.5 Fisher-z standard errors of the window, and at least 0.02). The grains keep the state machine inside
/// their pair-window grain state, so it is restated here on plain values: the short window's value is compared with its
/// <see cref="RollingPercentileBand"/> (learnt only while coupled); a breakdown fires when it closes below the threshold
/// while the long window holds; it fires once, then re-arms when the short window is back at or above the lower edge.
/// A test replays the history through a test cluster and checks this rule fires on the same days as the grains' events.
/// </summary>
public sealed class BreakdownRule
{
    private readonly RollingPercentileBand _band;
    private readonly CorrelationSignalOptions _options;
    private bool _brokenDown;

    /// <param name="shortWindow">The evaluated window's length in bars.</param>
    /// <param name="options">The grains' signal options; null for their defaults.</param>
    public BreakdownRule(int shortWindow, CorrelationSignalOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shortWindow, 2);
        ShortWindow = shortWindow;
        _options = options ?? new CorrelationSignalOptions();
        _band = new RollingPercentileBand(_options.BandLookback, _options.BandLowerPercentile, _options.BandUpperPercentile);
    }

    public int ShortWindow { get; }

    /// <summary>Correlation the long window must hold (from the options).</summary>
    public double LongHold => _options.LongWindowHold;

    /// <summary>Feeds one closed bar's full-window values; true when a breakdown fires on this bar.</summary>
    public bool Update(double shortValue, double longValue)
    {
        if (_brokenDown)
        {
            if (shortValue >= _band.Lower)
            {
                _brokenDown = false;
                _band.Add(shortValue);
            }

            return false;
        }

        if (_band.IsReady && shortValue < Threshold(_band.Lower) && longValue >= _options.LongWindowHold)
        {
            _brokenDown = true;
            return true;
        }

        _band.Add(shortValue);
        return false;
    }

    private double Threshold(double lower) => PairWindowSignals.BreakdownThreshold(lower, ShortWindow, _options);
}
