using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Live;

namespace AltseasonLive.Grains.Live;

/// <summary>
/// The push notifier's pending series updates: only the newest value of each series (kind and key) is kept, and a
/// series keeps its place in the queue when a newer value replaces a pending one, so a busy series cannot starve the
/// others. Adding and draining are O(1) per update and reuse their buffers.
/// </summary>
public sealed class CoalescingSeriesQueue
{
    private readonly Dictionary<(SeriesKind Kind, string Key), SeriesUpdate> _latest = [];
    private readonly Queue<(SeriesKind Kind, string Key)> _order = new();

    public int Count => _order.Count;

    public void Add(in SeriesUpdate update)
    {
        var key = (update.Kind, update.Key);
        if (_latest.TryAdd(key, update))
        {
            _order.Enqueue(key);
        }
        else
        {
            _latest[key] = update;
        }
    }

    /// <summary>Removes and returns the oldest pending series (at most <paramref name="max"/>), each with its newest value.</summary>
    public ImmutableArray<SeriesUpdate> Drain(int max)
    {
        var updates = ImmutableArray.CreateBuilder<SeriesUpdate>(Math.Clamp(max, 0, _order.Count));
        while (updates.Count < updates.Capacity && _order.TryDequeue(out var key))
        {
            _latest.Remove(key, out var update);
            updates.Add(update);
        }

        return updates.MoveToImmutable();
    }
}
