using System.Collections.Immutable;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Events;

namespace AltseasonLive.Grains.Correlation;

/// <summary>
/// The event rules of one pair-window, applied to each committed bar with a full window (see
/// <see cref="CorrelationSignalOptions"/>). Hysteresis on every rule: a value hovering at a threshold emits once.
/// </summary>
public static class PairWindowSignals
{
    /// <summary>
    /// Applies one committed bar to <paramref name="state"/>. <paramref name="band"/> is the usual range learnt before
    /// this bar (null while not ready). Returns the events (sequence 0, to be numbered by the log) and whether the
    /// bar's value may feed the band (not while decoupled).
    /// </summary>
    public static (ImmutableArray<MarketEvent> Events, bool FeedsBand) Evaluate(
        PairSignalState state,
        PairWindowKey key,
        PairBarClose bar,
        (double Lower, double Upper)? band,
        CorrelationSignalOptions options)
    {
        var events = ImmutableArray.CreateBuilder<MarketEvent>();
        var stats = bar.Stats;
        if (stats.Correlation is not { } value)
        {
            return ([], false);
        }

        var time = stats.BarStartMs;
        var longest = bar.Siblings.Where(s => s.Window > key.Window).OrderByDescending(s => s.Window).FirstOrDefault();
        if (band is { } b && longest.Window > 0)
        {
            if (state.Coupling == CouplingState.Decoupled)
            {
                if (value >= b.Lower)
                {
                    events.Add(new Recoupling(0, time, key, value, b.Lower, b.Upper, stats.VolatilityA, stats.VolatilityB, state.BrokeDownAtMs));
                    state.Coupling = CouplingState.Coupled;
                }
            }
            else if (value < BreakdownThreshold(b.Lower, key.Window, options) && longest.Correlation is { } longValue && longValue >= options.LongWindowHold)
            {
                events.Add(new CorrelationBreakdown(0, time, key, value, b.Lower, b.Upper, stats.VolatilityA, stats.VolatilityB, longest.Window, longValue));
                state.Coupling = CouplingState.Decoupled;
                state.BrokeDownAtMs = time;
            }
            else
            {
                state.Coupling = CouplingState.Coupled;
            }
        }
        else if (band is not null && state.Coupling == CouplingState.WarmingUp)
        {
            state.Coupling = CouplingState.Coupled;
        }

        var h = options.SignFlipHysteresis;
        var side = value > h ? 1 : value < -h ? -1 : 0;
        var (beforeRunMs, beyondMs) = SignFlipDates.Update(state, time, value, h);
        if (side != 0)
        {
            if (state.Sign != 0 && side != state.Sign)
            {
                events.Add(new CorrelationSignFlip(
                    0, time, key, value, band?.Lower, band?.Upper, stats.VolatilityA, stats.VolatilityB, side < 0, beforeRunMs, beyondMs, h));
            }

            state.Sign = side;
        }

        return (events.ToImmutable(), state.Coupling != CouplingState.Decoupled);
    }

    /// <summary>The band's lower edge less the window's sampling noise in Fisher z, and at least the hysteresis.</summary>
    public static double BreakdownThreshold(double lower, int window, CorrelationSignalOptions options)
    {
        var z = Math.Atanh(Math.Clamp(lower, -0.999999, 0.999999));
        var noise = options.BreakdownSigma / Math.Sqrt(Math.Max(1, window - 3));
        return Math.Min(Math.Tanh(z - noise), lower - options.BreakdownHysteresis);
    }
}
