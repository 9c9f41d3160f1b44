using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.Grains.Correlation;

/// <summary>
/// Drops values of a loaded <see cref="PairWindowState"/> that no correlation can take (non-finite, or beyond
/// -1..1 for a correlation and a band edge): the usual-range band learns from <see cref="PairWindowState.BandInputs"/>
/// and the history endpoint serves <see cref="PairWindowState.History"/>, so a value stored before the plausibility
/// rules must not keep the band or an endpoint wrong for good. Returns what was repaired, or null when the state was clean.
/// </summary>
public static class PairWindowStateRepair
{
    public static string? Repair(PairWindowState state)
    {
        static bool Correlation(double value) => double.IsFinite(value) && value is >= -1 and <= 1;
        static bool Edge(double? value) => value is not { } v || Correlation(v);

        var repaired = new List<string>();
        var inputs = state.BandInputs.RemoveAll(v => !Correlation(v));
        if (inputs > 0)
        {
            repaired.Add($"{inputs} band input(s)");
        }

        var points = state.History.RemoveAll(p => !Correlation(p.Value) || !Edge(p.BandLower) || !Edge(p.BandUpper));
        if (points > 0)
        {
            repaired.Add($"{points} history point(s)");
        }

        if (state.Last is { } last
            && (!Edge(last.Correlation) || !double.IsFinite(last.VolatilityA) || !double.IsFinite(last.VolatilityB)
                || last.Beta is { } beta && !double.IsFinite(beta) || last.FisherZ is { } z && !double.IsFinite(z)))
        {
            state.Last = null;
            repaired.Add("last value");
        }

        return repaired.Count == 0 ? null : string.Join(", ", repaired);
    }
}
