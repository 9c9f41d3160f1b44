using AltseasonLive.Feeds;
using AltseasonLive.Feeds.Hosting;
using AltseasonLive.Feeds.Replay;
using AltseasonLive.Grains.Interfaces.Ticks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AltseasonLive.History.Tests;

public sealed class FeedsHostingTests
{
    [Fact]
    public async Task AddAltseasonFeeds_replays_the_configured_days_then_continues_in_simulated_days_from_the_next_day()
    {
        var batches = await FeedsHost.CollectAsync(new Dictionary<string, string?>
        {
            ["Feeds:Replay:From"] = "2026-03-25",
            ["Feeds:Replay:To"] = "2026-03-31",
            ["Feeds:Synthetic:DayInterval"] = "00:00:00.010",
            ["Feeds:Synthetic:TicksPerDay"] = "2",
            ["Feeds:Synthetic:Coins"] = "3",
        }, 7 + 20);
        var replayDays = Enumerable.Range(0, 7).Select(i => ReplayDay.TimeMsOf(new DateOnly(2026, 3, 25).AddDays(i))).ToArray();
        Assert.Equal(replayDays, batches.Take(7).Select(b => b[0].TimeMs));
        var synthetic = batches.Skip(7).Take(20).ToArray();
        var expected = Enumerable.Range(0, 20).Select(i => ReplayDay.TimeMsOf(new DateOnly(2026, 4, 1).AddDays(i / 2)) + (i % 2 * 43_200_000L));
        Assert.Equal(expected, synthetic.Select(b => b[0].TimeMs));
        Assert.All(synthetic, b =>
        {
            Assert.All(b, t => Assert.Equal(b[0].TimeMs, t.TimeMs));
            var weekend = DateTimeOffset.FromUnixTimeMilliseconds(b[0].TimeMs).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            Assert.Equal(weekend ? 9 : 4 + 3 + 3, b.Length);
            Assert.Equal(!weekend, b.Any(t => t.Symbol == "RUT"));
            Assert.Contains(b, t => t.Symbol == "BTC.D");
        });
    }

    [Fact]
    public async Task Without_a_replay_the_continuation_starts_the_day_after_the_last_bundled_day()
    {
        var batches = await FeedsHost.CollectAsync(new Dictionary<string, string?>
        {
            ["Feeds:Replay:Enabled"] = "false",
            ["Feeds:Synthetic:DayInterval"] = "00:00:00.010",
            ["Feeds:Synthetic:TicksPerDay"] = "2",
            ["Feeds:Synthetic:Coins"] = "2",
        }, 3);
        var history = new BundledHistory();
        var lastBundled = HistoryReplay.DefaultSeries.Max(s => history.Series(s).LastDate);
        Assert.Equal(ReplayDay.TimeMsOf(lastBundled.AddDays(1)), batches[0][0].TimeMs);
    }

    [Fact]
    public async Task The_wall_clock_option_stamps_every_batch_with_the_wall_clock()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var batches = await FeedsHost.CollectAsync(new Dictionary<string, string?>
        {
            ["Feeds:Replay:Enabled"] = "false",
            ["Feeds:Synthetic:Clock"] = "Wall",
            ["Feeds:Synthetic:TicksPerSecond"] = "2000",
            ["Feeds:Synthetic:Coins"] = "2",
        }, 3);
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.All(batches, b => Assert.InRange(b[0].TimeMs, before, after));
    }

    [Fact]
    public async Task Disabled_feeds_publish_nothing()
    {
        var sink = new CollectingSink();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Feeds:Mode"] = "Demo",
            ["Feeds:Replay:Enabled"] = "false",
            ["Feeds:Synthetic:Enabled"] = "false",
        });
        builder.Services.AddSingleton<ITickSink>(sink);
        builder.Services.AddAltseasonFeeds(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        var completion = host.Services.GetRequiredService<ReplayCompletion>();
        await completion.Completed.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();
        Assert.Empty(sink.Batches);
    }

    [Fact]
    public async Task Retrying_sink_retries_failures_then_gives_up()
    {
        var calls = 0;
        var flaky = new DelegateSink(() => ++calls < 3 ? throw new InvalidOperationException("not ready") : ValueTask.FromResult(new TickBatchResult(1, [])));
        var retrying = new RetryingTickSink(flaky, 5, TimeSpan.FromMilliseconds(1), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await retrying.PublishAsync(new Tick[1], CancellationToken.None);
        Assert.Equal(3, calls);

        calls = 0;
        var broken = new DelegateSink(() => { calls++; throw new InvalidOperationException("down"); });
        var giveUp = new RetryingTickSink(broken, 2, TimeSpan.FromMilliseconds(1), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await giveUp.PublishAsync(new Tick[1], CancellationToken.None));
        Assert.Equal(2, calls);
    }

    private sealed class DelegateSink(Func<ValueTask<TickBatchResult>> publish) : ITickSink
    {
        public ValueTask<TickBatchResult> PublishAsync(ReadOnlyMemory<Tick> batch, CancellationToken cancellationToken) => publish();
    }
}
