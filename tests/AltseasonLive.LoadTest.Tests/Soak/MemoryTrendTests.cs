using AltseasonLive.LoadTest.Soak;

namespace AltseasonLive.LoadTest.Tests.Soak;

public sealed class MemoryTrendTests
{
    [Fact]
    public void Slope_of_a_straight_line_is_its_growth_per_hour()
    {
        // 0.01 MiB per second = 36 MiB per hour.
        var readings = Enumerable.Range(0, 10).Select(i => (Seconds: i * 60.0, MiB: 200 + (0.01 * i * 60))).ToList();

        var trend = MemoryTrend.Fit(readings);

        Assert.NotNull(trend);
        Assert.Equal(36, trend.SlopeMiBPerHour, 9);
        Assert.Equal(200, trend.MinMiB, 9);
        Assert.Equal(205.4, trend.MaxMiB, 9);
        Assert.Equal(5.4, trend.SpreadMiB, 9);
        Assert.Equal(10, trend.Points);
        Assert.Equal(0, trend.FromSeconds);
        Assert.Equal(540, trend.ToSeconds);
    }

    [Fact]
    public void Sawtooth_around_a_level_has_no_slope()
    {
        double[] mib = [250, 300, 250, 300, 300, 250, 300, 250];
        var readings = mib.Select((m, i) => (i * 60.0, m)).ToList();

        var trend = MemoryTrend.Fit(readings);

        Assert.NotNull(trend);
        Assert.Equal(0, trend.SlopeMiBPerHour, 9);
        Assert.Equal(50, trend.SpreadMiB, 9);
    }

    [Fact]
    public void Falling_memory_has_a_negative_slope()
    {
        var trend = MemoryTrend.Fit([(0, 300), (1800, 290), (3600, 280)]);

        Assert.NotNull(trend);
        Assert.Equal(-20, trend.SlopeMiBPerHour, 9);
    }

    [Fact]
    public void Fewer_than_two_distinct_times_give_no_trend()
    {
        Assert.Null(MemoryTrend.Fit([]));
        Assert.Null(MemoryTrend.Fit([(60, 100)]));
        Assert.Null(MemoryTrend.Fit([(60, 100), (60, 120)]));
    }
}
