using AltseasonLive.Grains.Market;
using AltseasonLive.Grains.Ticks;

namespace AltseasonLive.Grains.Tests;

/// <summary>The plain helpers behind the market grain's and the ingest grain's per-tick work.</summary>
public sealed class MarketHotPathTests
{
    [Fact]
    public void Daily_closes_keep_the_last_close_per_day_and_exactly_the_days_the_lookback_needs()
    {
        const int lookback = 30;
        var closes = new SortedDictionary<long, double>();
        var reference = new SortedDictionary<long, double>();
        var random = new Random(7);
        var timeMs = 10 * AltseasonIndex.DayMs;
        for (var i = 0; i < 2_000; i++)
        {
            timeMs += random.Next(4) == 0 ? AltseasonIndex.DayMs * random.Next(1, 3) : random.Next(1_000, 3_600_000);
            var price = 100 + i;

            AltseasonIndex.Record(closes, timeMs, price, lookback);
            RecordAndTrimEveryTime(reference, timeMs, price, lookback);

            Assert.Equal(reference, closes);
        }

        Assert.InRange(closes.Count, 2, lookback + 2);
        Assert.Equal(2_099, closes[timeMs / AltseasonIndex.DayMs]);
    }

    [Fact]
    public void Tick_order_check_accepts_equal_times_and_refuses_a_step_back()
    {
        Assert.True(TickOrder.IsByTime([new("A", 1, 1), new("B", 1, 1), new("A", 2, 1)]));
        Assert.False(TickOrder.IsByTime([new("A", 2, 1), new("B", 1, 1)]));
    }

    /// <summary>The rule as first written: after every close, drop the oldest day while the next one is old enough.</summary>
    private static void RecordAndTrimEveryTime(SortedDictionary<long, double> closes, long timeMs, double price, int lookbackDays)
    {
        var day = timeMs / AltseasonIndex.DayMs;
        closes[day] = price;
        while (closes.Count >= 2 && closes.Keys.Skip(1).First() <= day - lookbackDays)
        {
            closes.Remove(closes.Keys.First());
        }
    }
}
