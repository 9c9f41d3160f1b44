using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Live;

namespace AltseasonLive.Grains.Correlation;

/// <summary>
/// What a correlation group last sent to the push notifier for each pair-window (value, bar start in UTC epoch ms,
/// closed flag), so that each publish (one per ingested batch) carries only the pair-windows whose live value changed
/// since the previous one. It reads the correlations the banks' SIMD passes already computed, not the full statistics.
/// </summary>
public sealed class GroupLiveSeries(int pairWindows)
{
    private readonly double[] _value = new double[pairWindows];
    private readonly long[] _barStartMs = new long[pairWindows];
    private readonly bool[] _closed = new bool[pairWindows];
    private readonly bool[] _sent = new bool[pairWindows];
    private readonly SeriesUpdate[] _changes = new SeriesUpdate[pairWindows];

    /// <summary>
    /// Series updates of the defined correlations that differ from the last ones returned. A value is live (not
    /// closed) while the in-progress bar has both legs: the anchor (<paramref name="pending"/> not null) and the partner.
    /// </summary>
    public ImmutableArray<SeriesUpdate> Changes(CorrelationBanks banks, long barStartMs, PendingPartnerPrices? pending)
    {
        var count = 0;
        var pairWindows = banks.PairWindows;
        for (var i = 0; i < pairWindows.Length; i++)
        {
            var correlation = banks.CorrelationOf(i);
            if (double.IsNaN(correlation))
            {
                continue;
            }

            var closed = pending is null || !pending.Has(pairWindows[i].Partner);
            if (_sent[i] && _value[i].Equals(correlation) && _barStartMs[i] == barStartMs && _closed[i] == closed)
            {
                continue;
            }

            (_sent[i], _value[i], _barStartMs[i], _closed[i]) = (true, correlation, barStartMs, closed);
            _changes[count++] = new SeriesUpdate(SeriesKind.Correlation, pairWindows[i].KeyText, barStartMs, correlation, closed);
        }

        return count == 0 ? [] : ImmutableArray.Create(_changes.AsSpan(0, count));
    }
}
