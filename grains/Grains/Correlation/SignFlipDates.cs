namespace AltseasonLive.Grains.Correlation;

/// <summary>
/// The dates a sign flip claims, kept bar by bar so that each can be checked against the correlation series alone:
/// for the side of zero the value is on, the last bar on that side before the current run on that side, and the last
/// bar beyond the hysteresis on that side before this bar. Bars exactly at zero are on neither side and end a run.
/// </summary>
public static class SignFlipDates
{
    /// <summary>
    /// Applies the bar at <paramref name="timeMs"/> (UTC epoch ms) with correlation <paramref name="value"/> and
    /// returns, for the value's side of zero, the last bar on that side before the current run and the last bar
    /// beyond <paramref name="hysteresis"/> before this one (both null when none, or when the value is zero).
    /// </summary>
    public static (long? BeforeRunMs, long? BeyondMs) Update(PairSignalState state, long timeMs, double value, double hysteresis)
    {
        (long? BeforeRunMs, long? BeyondMs) claimed = (null, null);
        if (value > 0)
        {
            if (state.LastSide != 1)
            {
                state.PositiveBeforeRunMs = state.LastPositiveMs;
            }

            claimed = (state.PositiveBeforeRunMs, state.LastBeyondPositiveMs);
            state.LastPositiveMs = timeMs;
            if (value > hysteresis)
            {
                state.LastBeyondPositiveMs = timeMs;
            }
        }
        else if (value < 0)
        {
            if (state.LastSide != -1)
            {
                state.NegativeBeforeRunMs = state.LastNegativeMs;
            }

            claimed = (state.NegativeBeforeRunMs, state.LastBeyondNegativeMs);
            state.LastNegativeMs = timeMs;
            if (value < -hysteresis)
            {
                state.LastBeyondNegativeMs = timeMs;
            }
        }

        state.LastSide = Math.Sign(value);
        return claimed;
    }
}
