using AltseasonLive.Grains.Interfaces.Live;
using AltseasonLive.Grains.Live;

namespace AltseasonLive.Grains.Tests;

/// <summary>The push notifier's pending series: newest value per series, oldest series first, bounded drains.</summary>
public sealed class CoalescingSeriesQueueTests
{
    private static SeriesUpdate Price(string symbol, long timeMs, double value) => new(SeriesKind.Price, symbol, timeMs, value, BarClosed: false);

    [Fact]
    public void A_newer_value_replaces_the_pending_one_and_keeps_its_place()
    {
        var queue = new CoalescingSeriesQueue();
        queue.Add(Price("BTC", 1, 100));
        queue.Add(Price("ETH", 1, 10));
        queue.Add(Price("BTC", 2, 101));

        var drained = queue.Drain(10);

        Assert.Equal([Price("BTC", 2, 101), Price("ETH", 1, 10)], drained.ToArray());
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void Same_key_of_another_kind_is_another_series()
    {
        var queue = new CoalescingSeriesQueue();
        queue.Add(Price("BTC.D", 1, 55));
        queue.Add(new SeriesUpdate(SeriesKind.Dominance, "BTC.D", 1, 56, BarClosed: false));

        Assert.Equal(2, queue.Drain(10).Length);
    }

    [Fact]
    public void A_bounded_drain_takes_the_oldest_series_and_keeps_the_rest_in_order()
    {
        var queue = new CoalescingSeriesQueue();
        foreach (var symbol in new[] { "A", "B", "C", "D" })
        {
            queue.Add(Price(symbol, 1, 1));
        }

        var first = queue.Drain(3);
        queue.Add(Price("A", 2, 2));
        queue.Add(Price("D", 2, 2));
        var second = queue.Drain(3);

        Assert.Equal(["A", "B", "C"], first.Select(u => u.Key));
        Assert.Equal([("D", 2L), ("A", 2L)], second.Select(u => (u.Key, u.TimeMs)));
        Assert.Empty(queue.Drain(3));
    }
}
