using AltseasonLive.Statistics;

namespace AltseasonLive.Silo.Analysis;

/// <summary>
/// The grains' correlation-breakdown rule (Signals:Correlation, see CorrelationSignalOptions), restated here because the
/// grains do not expose it as a plain class: the short window's value is compared with the
/// [<see cref="LowerPercentile"/>, <see cref="UpperPercentile"/>] band of its own last <see cref="BandLookback"/> values
/// (learnt only while coupled); a breakdown fires when it closes below the band's lower edge by more than
/// <see cref="Hysteresis"/> while the long window holds at or above <see cref="LongHold"/>. It fires once, then re-arms
/// when the short window is back at or above the lower edge (recoupling). Correlations in [-1, 1]; percentiles fractions.
/// A test replays the history through a test cluster and checks this rule fires on the same days as the grains' events.
/// </summary>
public sealed class BreakdownRule(int bandLookback = 250, double lowerPercentile = 0.10, double upperPercentile = 0.90, double longHold = 0.6, double hysteresis = 0.02)
{
    private readonly RollingPercentileBand _band = new(bandLookback, lowerPercentile, upperPercentile);
    private bool _brokenDown;

    public int BandLookback { get; } = bandLookback;

    public double LowerPercentile { get; } = lowerPercentile;

    public double UpperPercentile { get; } = upperPercentile;

    public double LongHold { get; } = longHold;

    public double Hysteresis { get; } = hysteresis;

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

        if (_band.IsReady && shortValue < _band.Lower - Hysteresis && longValue >= LongHold)
        {
            _brokenDown = true;
            return true;
        }

        _band.Add(shortValue);
        return false;
    }
}
