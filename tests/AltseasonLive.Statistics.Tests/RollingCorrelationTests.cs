using AltseasonLive.Statistics;

namespace AltseasonLive.Statistics.Tests;

public sealed class RollingCorrelationTests
{
    public static TheoryData<int, CorrelationMode> Windows()
    {
        var data = new TheoryData<int, CorrelationMode>();
        foreach (var window in new[] { 2, 30, 90, 365 })
        {
            data.Add(window, CorrelationMode.Returns);
            data.Add(window, CorrelationMode.Levels);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Windows))]
    public void Matches_MathNet_recomputation_with_live_revisions_between_commits(int window, CorrelationMode mode)
    {
        var walk = new RandomWalk(seed: window * 7 + (int)mode);
        var correlation = new RollingCorrelation(window, mode);
        var reference = new PairReference(window, mode);
        for (var bar = 0; bar < (3 * window) + 40; bar++)
        {
            var (a, b) = walk.Next();
            for (var revision = 0; revision < 2; revision++)
            {
                var (liveA, liveB) = walk.Nudge();
                correlation.Revise(liveA, liveB);
                reference.AssertMatches(correlation.Current, liveA, liveB);
            }

            correlation.Revise(a, b);
            reference.AssertMatches(correlation.Current, a, b);
            correlation.Commit();
            reference.Commit(a, b);
            reference.AssertMatches(correlation.Current);
        }
    }

    [Theory]
    [InlineData(CorrelationMode.Returns)]
    [InlineData(CorrelationMode.Levels)]
    public void IsReady_flips_exactly_when_the_window_fills(CorrelationMode mode)
    {
        const int window = 30;
        var correlation = new RollingCorrelation(window, mode);
        var walk = new RandomWalk(seed: 3);
        var barsToFill = mode == CorrelationMode.Returns ? window + 1 : window;
        for (var bar = 1; bar <= barsToFill; bar++)
        {
            Assert.False(correlation.IsReady);
            var (a, b) = walk.Next();
            correlation.Add(a, b);
            Assert.Equal(bar, correlation.Samples);
        }

        Assert.True(correlation.IsReady);
        Assert.Equal(window, correlation.Current.Count);
    }

    [Fact]
    public void Window_below_two_throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingCorrelation(1, CorrelationMode.Returns));

    [Fact]
    public void Non_positive_price_in_returns_mode_throws()
    {
        var correlation = new RollingCorrelation(5, CorrelationMode.Returns);
        Assert.Throws<ArgumentOutOfRangeException>(() => correlation.Revise(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => correlation.Revise(1, double.NaN));
    }

    [Theory]
    [InlineData(CorrelationMode.Returns)]
    [InlineData(CorrelationMode.Levels)]
    public void Constant_leg_is_undefined_never_NaN(CorrelationMode mode)
    {
        var correlation = new RollingCorrelation(10, mode);
        var walk = new RandomWalk(seed: 11);
        for (var bar = 0; bar < 40; bar++)
        {
            var (a, _) = walk.Next();
            correlation.Add(a, 1.2345);
            var stats = correlation.Current;
            Assert.Null(stats.Correlation);
            Assert.False(stats.IsDefined);
            Assert.Null(stats.FisherZ);
            Assert.Equal(0, stats.VolatilityB);
            Assert.False(double.IsNaN(stats.MeanA));
        }
    }

    [Fact]
    public void Leg_that_turns_constant_becomes_undefined_after_a_trend()
    {
        const int window = 30;
        var correlation = new RollingCorrelation(window, CorrelationMode.Levels);
        var walk = new RandomWalk(seed: 5, startA: 1e5, startB: 1e5);
        for (var bar = 0; bar < 200; bar++)
        {
            var (a, b) = walk.Next();
            correlation.Add(a, b);
        }

        Assert.True(correlation.Current.IsDefined);
        for (var bar = 0; bar < window; bar++)
        {
            var (a, _) = walk.Next();
            correlation.Add(a, 123_456.789);
        }

        Assert.Null(correlation.Current.Correlation);
        Assert.Equal(0, correlation.Current.VolatilityB);
        Assert.Equal(0, correlation.Current.Beta);
    }

    [Theory]
    [InlineData(CorrelationMode.Returns)]
    [InlineData(CorrelationMode.Levels)]
    public void Reset_restores_initial_behaviour(CorrelationMode mode)
    {
        var correlation = new RollingCorrelation(20, mode);
        var first = Feed(correlation, seed: 9);
        correlation.Reset();
        Assert.Equal(0, correlation.Samples);
        Assert.False(correlation.IsReady);
        Assert.Equal(0, correlation.Current.Count);
        var second = Feed(correlation, seed: 9);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Commit_without_a_revision_is_a_no_op()
    {
        var correlation = new RollingCorrelation(5, CorrelationMode.Levels);
        correlation.Add(1, 2);
        correlation.Add(2, 3);
        var before = correlation.Current;
        correlation.Commit();
        Assert.Equal(2, correlation.Samples);
        Assert.Equal(before, correlation.Current);
    }

    [Fact]
    public void First_pair_bar_yields_no_return()
    {
        var correlation = new RollingCorrelation(5, CorrelationMode.Returns);
        correlation.Revise(100, 50);
        Assert.Equal(0, correlation.Current.Count);
        correlation.Commit();
        Assert.Equal(0, correlation.Current.Count);
        correlation.Revise(101, 51);
        Assert.Equal(1, correlation.Current.Count);
        PairReference.AssertClose(Math.Log(101.0 / 100), correlation.Current.MeanA, 1e-15);
    }

    private static List<CorrelationStats> Feed(RollingCorrelation correlation, int seed)
    {
        var walk = new RandomWalk(seed);
        var seen = new List<CorrelationStats>();
        for (var bar = 0; bar < 60; bar++)
        {
            var (a, b) = walk.Next();
            correlation.Revise(a * 1.001, b);
            seen.Add(correlation.Current);
            correlation.Add(a, b);
            seen.Add(correlation.Current);
        }

        return seen;
    }
}
