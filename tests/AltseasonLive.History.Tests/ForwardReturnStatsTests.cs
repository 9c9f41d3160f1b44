using AltseasonLive.Silo.Analysis;

namespace AltseasonLive.History.Tests;

public sealed class ForwardReturnStatsTests
{
    [Fact]
    public void Mean_median_and_hit_rate_match_a_plain_computation_and_zero_is_not_a_hit()
    {
        var random = new Random(11);
        var returns = Enumerable.Range(0, 1000).Select(_ => Math.Round((random.NextDouble() - 0.5) * 0.3, 2)).Append(0).Append(0).ToList();

        var stats = ForwardReturnStats.From(30, returns);

        var sorted = returns.Order().ToArray();
        Assert.Equal(30, stats.HorizonDays);
        Assert.Equal(returns.Count, stats.Count);
        Assert.Equal(returns.Sum() / returns.Count, stats.Mean!.Value, 12);
        Assert.Equal((sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2, stats.Median);
        Assert.Equal((double)returns.Count(r => r > 0) / returns.Count, stats.HitRate);
    }

    [Fact]
    public void No_returns_give_no_statistics()
    {
        var stats = ForwardReturnStats.From(7, []);
        Assert.Equal(0, stats.Count);
        Assert.Null(stats.Mean);
        Assert.Null(stats.HitRate);
    }
}
