using AltseasonLive.Feeds;
using AltseasonLive.Feeds.Replay;
using AltseasonLive.Feeds.Synthetic;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.History.Tests;

public sealed class FeedCheckpointTests
{
    private sealed class FixedCheckpoint(FeedCheckpoint? value) : IFeedCheckpoint
    {
        public ValueTask<FeedCheckpoint?> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(value);
    }

    private static Task<Tick[][]> CollectAsync(FeedCheckpoint? checkpoint, Dictionary<string, string?> settings, int batches) =>
        FeedsHost.CollectAsync(settings, batches, new FixedCheckpoint(checkpoint));

    private static long At(int year, int month, int day, int hour = 0) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public async Task Replay_starts_at_the_checkpoint_day_and_the_continuation_after_the_last_replayed_day()
    {
        var checkpoint = new FeedCheckpoint(At(2026, 3, 28, 12), new Dictionary<string, double> { ["BTC"] = 1_000_000 });
        var batches = await CollectAsync(checkpoint, new Dictionary<string, string?>
        {
            ["Feeds:Replay:From"] = "2026-03-25",
            ["Feeds:Replay:To"] = "2026-03-31",
            ["Feeds:Synthetic:DayInterval"] = "00:00:00.010",
            ["Feeds:Synthetic:TicksPerDay"] = "2",
            ["Feeds:Synthetic:Coins"] = "3",
        }, 4 + 2);
        var replayDays = Enumerable.Range(0, 4).Select(i => ReplayDay.TimeMsOf(new DateOnly(2026, 3, 28).AddDays(i))).ToArray();
        Assert.Equal(replayDays, batches.Take(4).Select(b => b[0].TimeMs));
        Assert.Equal(ReplayDay.TimeMsOf(new DateOnly(2026, 4, 1)), batches[4][0].TimeMs);
        Assert.InRange(batches[4].Single(t => t.Symbol == "BTC").Price, 1, 500_000);
    }

    [Fact]
    public async Task Replay_is_skipped_and_the_continuation_resumes_after_a_checkpoint_past_the_history_from_its_prices()
    {
        var prices = new Dictionary<string, double> { ["BTC"] = 1_000_000, ["RUT"] = 9_000, ["TOTAL3"] = 5e12, ["USDT.D"] = 3 };
        var batches = await CollectAsync(new FeedCheckpoint(At(2026, 6, 10, 18), prices), new Dictionary<string, string?>
        {
            ["Feeds:Synthetic:DayInterval"] = "00:00:00.010",
            ["Feeds:Synthetic:TicksPerDay"] = "2",
            ["Feeds:Synthetic:Coins"] = "3",
        }, 2);
        var first = batches[0];
        Assert.Equal(ReplayDay.TimeMsOf(new DateOnly(2026, 6, 11)), first[0].TimeMs);
        Assert.All(first, t => Assert.Equal(first[0].TimeMs, t.TimeMs));
        Assert.InRange(first.Single(t => t.Symbol == "BTC").Price, 500_000, 2_000_000);
        Assert.InRange(first.Single(t => t.Symbol == "RUT").Price, 4_500, 18_000);
        Assert.InRange(first.Single(t => t.Symbol == "TOTAL3").Price, 2.5e12, 1e13);
        Assert.InRange(first.Single(t => t.Symbol == "USDT.D").Price, 1.5, 6);
        var history = new BundledHistory();
        var bundledEth = history.Series("ETH")[history.Series("ETH").Count - 1].Close;
        Assert.InRange(first.Single(t => t.Symbol == "ETH").Price, bundledEth / 2, bundledEth * 2);
    }

    [Fact]
    public async Task A_checkpoint_from_today_puts_the_continuation_straight_on_the_wall_clock()
    {
        var held = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1;
        var batches = await CollectAsync(new FeedCheckpoint(held, new Dictionary<string, double>()), new Dictionary<string, string?>
        {
            ["Feeds:Synthetic:DayInterval"] = "00:00:00.010",
            ["Feeds:Synthetic:TicksPerSecond"] = "2000",
            ["Feeds:Synthetic:Coins"] = "2",
        }, 2);
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.All(batches, b => Assert.InRange(b[0].TimeMs, held + 1, after));
    }

    [Fact]
    public async Task An_empty_market_checkpoint_keeps_the_full_replay()
    {
        var batches = await CollectAsync(null, new Dictionary<string, string?>
        {
            ["Feeds:Replay:From"] = "2026-03-25",
            ["Feeds:Replay:To"] = "2026-03-27",
            ["Feeds:Synthetic:Enabled"] = "false",
        }, 3);
        Assert.Equal(ReplayDay.TimeMsOf(new DateOnly(2026, 3, 25)), batches[0][0].TimeMs);
    }

    [Fact]
    public void FromLatest_takes_the_latest_time_and_skips_symbols_without_ticks()
    {
        Assert.Null(FeedCheckpoint.FromLatest([("BTC", 0, null), ("ETH", 0, 3000)]));
        var checkpoint = FeedCheckpoint.FromLatest([("BTC", At(2026, 5, 1, 23), 90_000), ("RUT", At(2026, 4, 30), 2_500), ("ETH", 0, 3_000), ("SOL", At(2026, 5, 1), null)]);
        Assert.NotNull(checkpoint);
        Assert.Equal(At(2026, 5, 1, 23), checkpoint.LastTimeMs);
        Assert.Equal(new DateOnly(2026, 5, 1), checkpoint.Day);
        Assert.Equal(new Dictionary<string, double> { ["BTC"] = 90_000, ["RUT"] = 2_500 }, checkpoint.LastPrices);
    }

    [Fact]
    public void A_feed_resumed_at_another_feeds_last_ticks_continues_its_prices_and_dominances()
    {
        var options = new SyntheticFeedOptions { Seed = 9 };
        var before = new SyntheticFeed(options, SyntheticStart.Default);
        var last = new Tick[before.TicksPerStep];
        for (var i = 0; i < 50; i++)
        {
            before.Fill(last, i * 3_600_000L, 3_600, equityOpen: true);
        }

        var resumed = new SyntheticFeed(options, SyntheticStart.Default.ResumedAt(last.ToDictionary(t => t.Symbol, t => t.Price)));
        var next = new Tick[resumed.TicksPerStep];
        resumed.Fill(next, 50 * 3_600_000L, 0, equityOpen: true);
        Assert.Equal(last.Select(t => t.Symbol), next.Select(t => t.Symbol));
        Assert.All(last.Zip(next), p => Assert.Equal(p.First.Price, p.Second.Price, p.First.Price * 1e-9));
        Assert.Equal(SyntheticStart.Default.Symbols.Order(), last.Select(t => t.Symbol).Order());
    }
}
