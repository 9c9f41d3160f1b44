using AltseasonLive.Statistics;
using MathNet.Numerics.Statistics;

namespace AltseasonLive.Statistics.Tests;

public sealed class RollingVolatilityTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(30)]
    [InlineData(90)]
    public void Matches_MathNet_mean_and_sample_deviation_with_live_revisions(int window)
    {
        var volatility = new RollingVolatility(window);
        var walk = new RandomWalk(seed: window);
        var closes = new List<double>();
        for (var bar = 0; bar < (2 * window) + 30; bar++)
        {
            var (close, _) = walk.Next();
            var (revised, _) = walk.Nudge();
            volatility.Revise(revised);
            AssertMatches(window, [.. closes, revised], volatility.Current);
            volatility.Revise(close);
            volatility.Commit();
            closes.Add(close);
            AssertMatches(window, closes, volatility.Current);
        }
    }

    [Fact]
    public void Constant_price_has_zero_volatility()
    {
        var volatility = new RollingVolatility(5);
        for (var bar = 0; bar < 20; bar++)
        {
            volatility.Add(42);
        }

        Assert.Equal(0, volatility.Current.StandardDeviation);
        Assert.Equal(0, volatility.Current.Mean);
    }

    [Fact]
    public void IsReady_needs_window_plus_one_bars_and_reset_restarts()
    {
        var volatility = new RollingVolatility(3);
        foreach (var price in new[] { 10.0, 11, 12 })
        {
            volatility.Add(price);
            Assert.False(volatility.IsReady);
        }

        volatility.Add(13);
        Assert.True(volatility.IsReady);
        Assert.Equal(4, volatility.Samples);
        volatility.Reset();
        Assert.False(volatility.IsReady);
        Assert.Equal(0, volatility.Current.Count);
        Assert.Null(volatility.Current.StandardDeviation);
    }

    [Fact]
    public void Window_below_two_and_bad_prices_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingVolatility(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingVolatility(5).Revise(-1));
    }

    private static void AssertMatches(int window, List<double> closes, VolatilityStats actual)
    {
        var returns = closes.Zip(closes.Skip(1), (previous, close) => Math.Log(close / previous)).TakeLast(window).ToArray();
        Assert.Equal(returns.Length, actual.Count);
        if (returns.Length == 0)
        {
            return;
        }

        PairReference.AssertClose(returns.Mean(), actual.Mean, 1e-12);
        if (returns.Length < 2)
        {
            Assert.Null(actual.StandardDeviation);
            return;
        }

        PairReference.AssertClose(returns.StandardDeviation(), actual.StandardDeviation!.Value, 1e-12);
    }
}
