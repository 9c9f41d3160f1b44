using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Grains.Market;

/// <summary>
/// Whether a feed-supplied composite value fits the other supplied ones: TOTAL &gt;= TOTAL2 &gt;= TOTAL3 and the
/// dominances (percent) adding up to at most 100, each within a tolerance (fraction) because feeds sample the series at
/// slightly different times. Computed series are not compared: they are derived to fit (<see cref="CompositeSeries"/>).
/// </summary>
public static class CompositeConsistency
{
    private static readonly string[] Levels = ["TOTAL", "TOTAL2", "TOTAL3"];
    private static readonly string[] Dominances = ["BTC.D", "ETH.D", "USDT.D"];

    /// <summary>
    /// True for TOTAL, TOTAL2 and TOTAL3: their order holds only between values of one bar (on a crash day today's
    /// TOTAL2 is rightly below yesterday's TOTAL3), while dominances fit together across bars as well.
    /// </summary>
    public static bool IsLevel(string symbol) => Array.IndexOf(Levels, symbol) >= 0;

    /// <param name="symbol">The supplied series.</param>
    /// <param name="value">Its new value (USD for TOTAL*, percent for dominances).</param>
    /// <param name="supplied">The latest supplied value of each series.</param>
    /// <param name="tolerance">Slack as a fraction, e.g. 0.02.</param>
    public static TickRejectReason Check(string symbol, double value, IReadOnlyDictionary<string, double> supplied, double tolerance)
    {
        var level = Array.IndexOf(Levels, symbol);
        if (level >= 0)
        {
            for (var other = 0; other < Levels.Length; other++)
            {
                if (other == level || !supplied.TryGetValue(Levels[other], out var v))
                {
                    continue;
                }

                // A lower index is a larger aggregate.
                var consistent = other < level ? value <= v * (1 + tolerance) : value * (1 + tolerance) >= v;
                if (!consistent)
                {
                    return TickRejectReason.InconsistentComposite;
                }
            }

            return TickRejectReason.None;
        }

        if (Array.IndexOf(Dominances, symbol) < 0)
        {
            return TickRejectReason.None;
        }

        var sum = value;
        foreach (var other in Dominances)
        {
            if (other != symbol && supplied.TryGetValue(other, out var v))
            {
                sum += v;
            }
        }

        return sum <= 100 * (1 + tolerance) ? TickRejectReason.None : TickRejectReason.InconsistentComposite;
    }
}
