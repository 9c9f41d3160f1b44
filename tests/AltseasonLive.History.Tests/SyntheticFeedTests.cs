using AltseasonLive.Feeds.Synthetic;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.History.Tests;

public sealed class SyntheticFeedTests
{
    private static Tick[] Run(int seed, int steps)
    {
        var feed = new SyntheticFeed(new SyntheticFeedOptions { Seed = seed, MeanRegimeSteps = 20 }, SyntheticStart.Default);
        var all = new List<Tick>();
        var buffer = new Tick[feed.TicksPerStep];
        for (var i = 0; i < steps; i++)
        {
            var n = feed.Fill(buffer, 1_700_000_000_000 + i * 1000L);
            all.AddRange(buffer.AsSpan(0, n).ToArray());
        }

        return all.ToArray();
    }

    [Fact]
    public void Same_seed_gives_the_same_ticks_and_another_seed_does_not()
    {
        Assert.Equal(Run(7, 200), Run(7, 200));
        Assert.NotEqual(Run(7, 200), Run(8, 200));
    }

    [Fact]
    public void Each_step_writes_every_leg_and_consistent_dominances()
    {
        var ticks = Run(3, 50);
        var feed = new SyntheticFeed(new SyntheticFeedOptions(), SyntheticStart.Default);
        Assert.Equal(0, ticks.Length % feed.TicksPerStep);
        foreach (var step in ticks.Chunk(feed.TicksPerStep))
        {
            Assert.All(step, t => Assert.True(double.IsFinite(t.Price) && t.Price > 0));
            var d = step.Where(t => t.Symbol.EndsWith(".D", StringComparison.Ordinal)).Sum(t => t.Price);
            Assert.InRange(d, 0, 100);
            Assert.Single(step, t => t.Symbol == "RUT");
            Assert.NotNull(step.Single(t => t.Symbol == "BTC").MarketCap);
        }
    }

    [Fact]
    public void Dominance_stays_plausible_when_btc_and_eth_start_without_a_market_cap()
    {
        var start = SyntheticStart.Default with { Btc = new SyntheticAsset("BTC", 90_000), Eth = new SyntheticAsset("ETH", 3_000) };
        var feed = new SyntheticFeed(new SyntheticFeedOptions(), start);
        var buffer = new Tick[feed.TicksPerStep];
        feed.Fill(buffer, 0);
        Assert.InRange(buffer.Single(t => t.Symbol == "BTC.D").Price, 40, 75);
        Assert.Null(buffer.Single(t => t.Symbol == "BTC").MarketCap);
    }

    [Fact]
    public void Regimes_switch_so_correlation_breakdowns_happen()
    {
        var feed = new SyntheticFeed(new SyntheticFeedOptions { Seed = 11, MeanRegimeSteps = 10 }, SyntheticStart.Default);
        var buffer = new Tick[feed.TicksPerStep];
        var seen = new HashSet<SyntheticRegime>();
        for (var i = 0; i < 200; i++)
        {
            feed.Fill(buffer, i * 1000L);
            seen.Add(feed.Regime);
        }

        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public void Fill_allocates_nothing_per_step()
    {
        var feed = new SyntheticFeed(new SyntheticFeedOptions { Seed = 5 }, SyntheticStart.Default);
        var buffer = new Tick[feed.TicksPerStep];
        feed.Fill(buffer, 0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i <= 1_000; i++)
        {
            feed.Fill(buffer, i * 500L);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Fill_refuses_a_too_small_destination()
    {
        var feed = new SyntheticFeed(new SyntheticFeedOptions(), SyntheticStart.Default);
        Assert.Throws<ArgumentException>(() => feed.Fill(new Tick[feed.TicksPerStep - 1], 0));
    }

    [Fact]
    public void Start_from_history_continues_from_the_last_bundled_values()
    {
        var history = new BundledHistory();
        var start = SyntheticStart.FromHistory(history, maxCoins: 5);
        Assert.Equal(history.Series("RUT")[history.Series("RUT").Count - 1].Close, start.Rut);
        Assert.Equal(5, start.Coins.Count);
        Assert.DoesNotContain(start.Coins, c => c.Symbol is "USDT" or "USDC" or "STETH" or "BTC" or "ETH");
    }
}
