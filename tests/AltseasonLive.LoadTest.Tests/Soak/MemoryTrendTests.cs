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
        Assert.Equal(5.4, trend.FittedGrowthMiB, 9);
        Assert.Equal(0, trend.SlopeStandardErrorMiBPerHour.GetValueOrDefault(double.NaN), 6);
    }

    [Fact]
    public void Standard_error_of_the_slope_matches_the_textbook_formula()
    {
        // x = 0, 1, 2, 3 h; y = 0, 2, 1, 3 MiB: slope 0.8 MiB/h, residual sum of squares 1.8, sxx 5 h^2, se = sqrt(1.8 / 2 / 5).
        var trend = MemoryTrend.Fit([(0, 0), (3600, 2), (7200, 1), (10800, 3)]);

        Assert.NotNull(trend);
        Assert.Equal(0.8, trend.SlopeMiBPerHour, 9);
        Assert.Equal(Math.Sqrt(0.18), trend.SlopeStandardErrorMiBPerHour.GetValueOrDefault(double.NaN), 9);
    }

    [Fact]
    public void Two_readings_have_a_slope_but_no_standard_error()
    {
        var trend = MemoryTrend.Fit([(0, 100), (1800, 110)]);

        Assert.NotNull(trend);
        Assert.Equal(20, trend.SlopeMiBPerHour, 9);
        Assert.Null(trend.SlopeStandardErrorMiBPerHour);
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
