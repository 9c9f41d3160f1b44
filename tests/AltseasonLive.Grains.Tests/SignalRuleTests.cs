using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Correlation;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Market;

namespace AltseasonLive.Grains.Tests;

/// <summary>The event rules on their own: hysteresis keeps values hovering at a threshold from emitting storms.</summary>
public sealed class SignalRuleTests
{
    private static readonly PairWindowKey Key = new("A", "B", 20, CorrelationMode.Returns);

    [Fact]
    public void Correlation_hovering_around_zero_flips_sign_once_and_has_no_earlier_negative_date()
    {
        var state = new PairSignalState();
        var options = new CorrelationSignalOptions();
        double[] values = [0.3, 0.04, -0.04, 0.03, -0.049, -0.06, -0.02, 0.04, -0.03, -0.1];

        var flips = values
            .SelectMany((v, t) => PairWindowSignals.Evaluate(state, Key, Bar(t, v), band: null, options).Events)
            .Cast<CorrelationSignFlip>()
            .ToList();

        // The flip on bar 5 ends the negative run that began on bar 4; the bar below zero before that run is bar 2.
        var flip = Assert.Single(flips);
        Assert.Equal((5 * TestConfig.DayMs, true, 2 * TestConfig.DayMs, (long?)null), (flip.TimeMs, flip.Negative, flip.PreviousTimeMs, flip.PreviousBeyondTimeMs));
        Assert.Contains("first run below zero since 1970-01-03", flip.Describe());
        Assert.Equal(7 * TestConfig.DayMs, state.LastPositiveMs);
        Assert.Equal(9 * TestConfig.DayMs, state.LastNegativeMs);
    }

    [Fact]
    public void Sign_flip_dates_the_last_bar_on_its_side_before_the_run_and_separately_the_last_bar_beyond_the_hysteresis()
    {
        var state = new PairSignalState();
        var options = new CorrelationSignalOptions();
        // Below -0.05 on bar 1; still below zero, inside the band, on bar 2; positive past the band on bar 4; a dip
        // below zero (inside the band) on bar 6; a new negative run from bar 8 that crosses -0.05 on bar 9.
        double[] values = [-0.3, -0.2, -0.03, 0.02, 0.2, 0.1, -0.01, 0.01, -0.02, -0.2];

        var flips = values
            .SelectMany((v, t) => PairWindowSignals.Evaluate(state, Key, Bar(t, v), band: null, options).Events)
            .Cast<CorrelationSignFlip>()
            .ToList();

        Assert.Equal(2, flips.Count);
        Assert.Equal((4 * TestConfig.DayMs, false, (long?)null, (long?)null), (flips[0].TimeMs, flips[0].Negative, flips[0].PreviousTimeMs, flips[0].PreviousBeyondTimeMs));
        Assert.Contains("first run above zero on record", flips[0].Describe());
        Assert.Equal((9 * TestConfig.DayMs, true, 6 * TestConfig.DayMs, 1 * TestConfig.DayMs), (flips[1].TimeMs, flips[1].Negative, flips[1].PreviousTimeMs, flips[1].PreviousBeyondTimeMs));
        Assert.EndsWith("first run below zero since 1970-01-07; last below -0.05 on 1970-01-02", flips[1].Describe());
    }

    [Fact]
    public void Short_window_hovering_at_the_breakdown_threshold_breaks_down_once_and_recouples_once()
    {
        var state = new PairSignalState();
        var options = new CorrelationSignalOptions();
        var band = (Lower: 0.7, Upper: 0.9);
        var threshold = PairWindowSignals.BreakdownThreshold(band.Lower, Key.Window, options);
        double[] values = [0.8, threshold - 0.01, threshold + 0.01, threshold - 0.01, 0.65, 0.69, 0.71, 0.69, threshold - 0.02];

        var events = values
            .SelectMany((v, t) => PairWindowSignals.Evaluate(state, Key, Bar(t, v, longValue: 0.75), band, options).Events)
            .Select(e => (e.Kind, e.TimeMs / TestConfig.DayMs))
            .ToList();

        Assert.True(threshold < band.Lower - options.BreakdownHysteresis);
        Assert.Equal([(EventKind.CorrelationBreakdown, 1L), (EventKind.Recoupling, 6L), (EventKind.CorrelationBreakdown, 8L)], events);
    }

    [Fact]
    public void No_breakdown_when_the_long_window_no_longer_holds()
    {
        var state = new PairSignalState();
        var (events, feedsBand) = PairWindowSignals.Evaluate(state, Key, Bar(0, 0.1, longValue: 0.5), (0.7, 0.9), new CorrelationSignalOptions());

        Assert.Empty(events);
        Assert.True(feedsBand);
        Assert.Equal(CouplingState.Coupled, state.Coupling);
    }

    [Fact]
    public void Dominance_hovering_at_a_level_crosses_once_and_a_touch_without_turn_is_no_rejection()
    {
        var tracker = DominanceLevelTracker.For([55]);
        var options = new MarketSignalOptions();
        var events = new List<MarketEvent>();
        double[] closes = [55.5, 55.02, 54.95, 55.05, 54.9, 55.08, 54.7, 55.1, 54.95, 54.8];

        for (var t = 0; t < closes.Length; t++)
        {
            tracker.OnClose("BTC.D", t, closes[t], options, events);
        }

        var crossed = Assert.IsType<DominanceLevelCrossed>(Assert.Single(events));
        Assert.Equal((6L, false), (crossed.TimeMs, crossed.Upward));
    }

    [Fact]
    public void Altseason_phase_needs_the_hysteresis_to_leave_a_season()
    {
        var tracker = new AltseasonPhaseTracker();
        var options = new MarketSignalOptions { AltseasonHysteresis = 2 };
        double[] index = [50, 76, 74, 75, 73.5, 72, 80, 24, 26, 28];

        var changes = index.Select((v, t) => tracker.OnValue(t, v, options)).OfType<AltseasonChanged>().Select(c => (c.TimeMs, c.From, c.To)).ToList();

        Assert.Equal(
            [
                (1L, AltseasonPhase.Neutral, AltseasonPhase.AltcoinSeason),
                (5L, AltseasonPhase.AltcoinSeason, AltseasonPhase.Neutral),
                (6L, AltseasonPhase.Neutral, AltseasonPhase.AltcoinSeason),
                (7L, AltseasonPhase.AltcoinSeason, AltseasonPhase.BitcoinSeason),
                (9L, AltseasonPhase.BitcoinSeason, AltseasonPhase.Neutral),
            ],
            changes);
    }

    [Fact]
    public void Altseason_phase_by_default_survives_a_few_coins_turning_back()
    {
        var tracker = new AltseasonPhaseTracker();
        var options = new MarketSignalOptions();
        double[] index = [50, 76, 72.4, 69, 75.9, 66, 64, 76, 24, 27.6, 34, 36];

        var changes = index.Select((v, t) => tracker.OnValue(t, v, options)).OfType<AltseasonChanged>().Select(c => (c.TimeMs, c.From, c.To)).ToList();

        Assert.Equal(
            [
                (1L, AltseasonPhase.Neutral, AltseasonPhase.AltcoinSeason),
                (6L, AltseasonPhase.AltcoinSeason, AltseasonPhase.Neutral),
                (7L, AltseasonPhase.Neutral, AltseasonPhase.AltcoinSeason),
                (8L, AltseasonPhase.AltcoinSeason, AltseasonPhase.BitcoinSeason),
                (11L, AltseasonPhase.BitcoinSeason, AltseasonPhase.Neutral),
            ],
            changes);
    }

    private static PairBarClose Bar(int t, double value, double longValue = 0.9) =>
        new(new CorrelationValue(t * TestConfig.DayMs, 20, 20, value, 0.01, 0.02, null, null, null), [new WindowValue(90, longValue)]);
}
