using AltseasonLive.Feeds;
using AltseasonLive.Feeds.Replay;
using AltseasonLive.Grains.Interfaces.Ticks;
using Microsoft.Extensions.Time.Testing;

namespace AltseasonLive.History.Tests;

public sealed class HistoryReplayTests
{
    private static readonly BundledHistory History = new();

    [Fact]
    public async Task Replay_sends_one_batch_per_day_within_the_limits_and_reports_progress()
    {
        var replay = new HistoryReplay(History, new HistoryReplayOptions { From = new DateOnly(2021, 3, 1), To = new DateOnly(2021, 3, 10) });
        var sink = new CollectingSink();
        var reports = new List<ReplayProgress>();
        var sent = await replay.RunAsync(sink, new SynchronousProgress<ReplayProgress>(reports.Add));

        Assert.Equal(10, sink.Batches.Count);
        Assert.Equal(sink.Batches.Sum(b => b.Length), sent);
        Assert.Equal(10, reports.Count);
        Assert.Equal(new ReplayProgress(new DateOnly(2021, 3, 10), 10, 10, sent), reports[^1]);
        var first = sink.Batches.First();
        Assert.All(first, t => Assert.Equal(ReplayDay.TimeMsOf(new DateOnly(2021, 3, 1)), t.TimeMs));
        Assert.Contains(first, t => t.Symbol == "RUT");
        Assert.Contains(first, t => t.Symbol == "USDT.D");
        Assert.Contains(first, t => t.Symbol == "ADA" && t.MarketCap > 0);
        Assert.DoesNotContain(first, t => t.Symbol is "USDT" or "USDC");
        Assert.NotNull(first.Single(t => t.Symbol == "BTC").MarketCap);
        var saturday = sink.Batches.Single(b => b[0].TimeMs == ReplayDay.TimeMsOf(new DateOnly(2021, 3, 6)));
        Assert.DoesNotContain(saturday, t => t.Symbol == "RUT");
    }

    [Fact]
    public void Symbol_filter_and_coin_switch_limit_what_is_sent()
    {
        var replay = new HistoryReplay(History, new HistoryReplayOptions
        {
            From = new DateOnly(2021, 3, 1),
            To = new DateOnly(2021, 3, 31),
            IncludeCoins = false,
            Symbols = new HashSet<string> { "RUT", "TOTAL3" },
        });
        Assert.All(replay.Days.SelectMany(d => d.Ticks), t => Assert.Contains(t.Symbol, new[] { "RUT", "TOTAL3" }));
        Assert.Equal(31, replay.Days.Count);
    }

    [Fact]
    public void Pace_options_give_the_documented_waits()
    {
        var friday = new DateOnly(2021, 3, 5);
        var monday = new DateOnly(2021, 3, 8);
        Assert.Equal(TimeSpan.Zero, ReplayPace.AsFastAsPossible.DelayBetween(friday, monday));
        Assert.Equal(TimeSpan.FromMilliseconds(250), ReplayPace.DayEvery(TimeSpan.FromMilliseconds(250)).DelayBetween(friday, monday));
        Assert.Equal(TimeSpan.FromDays(3.0 / 86_400), ReplayPace.RealTime(86_400).DelayBetween(friday, monday));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReplayPace.RealTime(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReplayPace.DayEvery(TimeSpan.Zero));
    }

    [Fact]
    public async Task Paced_replay_waits_on_the_time_provider_between_days()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var replay = new HistoryReplay(History, new HistoryReplayOptions
        {
            From = new DateOnly(2021, 3, 1),
            To = new DateOnly(2021, 3, 3),
            Pace = ReplayPace.DayEvery(TimeSpan.FromSeconds(10)),
        }, time);
        var sink = new CollectingSink();
        var run = replay.RunAsync(sink);

        Assert.Single(sink.Batches);
        Assert.False(run.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(SpinWait.SpinUntil(() => sink.Batches.Count == 2, TimeSpan.FromSeconds(30)));
        Assert.False(run.IsCompleted);

        // The third day waits for its own 10 s: move the clock a second at a time until the replay has finished.
        var waited = TimeSpan.Zero;
        while (!run.IsCompleted && waited < TimeSpan.FromMinutes(1))
        {
            time.Advance(TimeSpan.FromSeconds(1));
            waited += TimeSpan.FromSeconds(1);
            await Task.Delay(10);
        }

        var sent = await run;
        Assert.InRange(waited, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));
        Assert.Equal(3, sink.Batches.Count);
        Assert.Equal(sink.Batches.Sum(b => b.Length), sent);
    }

    [Fact]
    public async Task Cancellation_stops_a_paced_replay()
    {
        var replay = new HistoryReplay(History, new HistoryReplayOptions { Pace = ReplayPace.DayEvery(TimeSpan.FromHours(1)) });
        using var cts = new CancellationTokenSource();
        var run = replay.RunAsync(new CollectingSink(), null, cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
