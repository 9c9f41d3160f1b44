using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.Grains.Correlation;

/// <summary>
/// Collects the committed statistics of a group's pair-windows over one batch (a batch may close several bars) and
/// sends them with one call per pair-window, in the order the pair-windows first closed. Buffers are reused across
/// batches; only the messages themselves are allocated.
/// </summary>
public sealed class PairBarCloseBuffer(CorrelationBanks banks)
{
    private readonly ImmutableArray<PairBarClose>.Builder?[] _byPairWindow = new ImmutableArray<PairBarClose>.Builder?[banks.PairWindows.Length];
    private readonly IPairWindowGrain?[] _grains = new IPairWindowGrain?[banks.PairWindows.Length];
    private readonly List<int> _order = [];
    private readonly CorrelationValue[] _values = new CorrelationValue[banks.PairWindows.Length];

    public int Count => _order.Count;

    /// <summary>Adds the committed statistics of every pair-window of <paramref name="partner"/> at the bar starting at <paramref name="barStartMs"/>.</summary>
    public void AddPartner(int partner, long barStartMs)
    {
        var (first, end) = (banks.PairWindowsOf(partner).Start.Value, banks.PairWindowsOf(partner).End.Value);
        for (var i = first; i < end; i++)
        {
            _values[i] = banks.GetStats(i).ToValue(barStartMs);
        }

        for (var i = first; i < end; i++)
        {
            var slot = banks.PairWindows[i];
            var siblings = ImmutableArray.CreateBuilder<WindowValue>(slot.SiblingCount - 1);
            for (var j = slot.SiblingStart; j < slot.SiblingStart + slot.SiblingCount; j++)
            {
                if (j != i)
                {
                    siblings.Add(new WindowValue(_values[j].Window, _values[j].Correlation));
                }
            }

            var closes = _byPairWindow[i] ??= ImmutableArray.CreateBuilder<PairBarClose>();
            if (closes.Count == 0)
            {
                _order.Add(i);
            }

            closes.Add(new PairBarClose(_values[i], siblings.MoveToImmutable()));
        }
    }

    /// <summary>Sends the collected closes, one call per pair-window grain, and empties the buffer.</summary>
    public Task SendAsync(IGrainFactory grains)
    {
        var calls = new List<Task>(_order.Count);
        foreach (var i in _order)
        {
            if (_byPairWindow[i] is { } closes)
            {
                var grain = _grains[i] ??= grains.GetGrain<IPairWindowGrain>(banks.PairWindows[i].KeyText);
                calls.Add(grain.OnBarsClosed(closes.ToImmutable()));
                closes.Clear();
            }
        }

        _order.Clear();
        return Task.WhenAll(calls);
    }
}
