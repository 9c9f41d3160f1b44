using System.Collections.Concurrent;
using System.Collections.Immutable;
using AltseasonLive.Grains.Correlation;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Live;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.Grains.Interfaces.Universe;
using AltseasonLive.Grains.Universe;

namespace AltseasonLive.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class LiveSeamTests(ClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task Registered_observer_receives_logged_events_and_live_prices_in_batches()
    {
        var observer = new RecordingObserver();
        var reference = Client.CreateObjectReference<IMarketObserver>(observer);
        var registry = Client.GetGrain<IObserverRegistryGrain>(0);
        await registry.Register(reference);
        try
        {
            var before = await Scenario.LastSequence(Client);
            var logged = await Client.GetGrain<IEventLogGrain>(0).Append([new AllTimeHigh(0, Scenario.Day(800), "LIVE", 2, 1, Scenario.Day(700))]);
            await Client.GetGrain<ITickIngestGrain>(0).Ingest([new Tick("VAL.A", Scenario.Day(800), 42)]);

            var e = await observer.Events.Task.WaitAsync(TimeSpan.FromSeconds(20));
            var price = await observer.Price("VAL.A", Scenario.Day(800)).WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal(before + 1, e.Sequence);
            Assert.Equal(logged[0], e);
            Assert.Equal(new SeriesUpdate(SeriesKind.Price, "VAL.A", Scenario.Day(800), 42, BarClosed: false, "publisher"), price);
        }
        finally
        {
            await registry.Unregister(reference);
        }
    }

    [Fact]
    public async Task A_correlation_group_pushes_the_changes_of_every_batch_even_when_batches_follow_at_once()
    {
        var key = new PairWindowKey("PUB.A", "PUB.B", 3, CorrelationMode.Levels);
        var revisions = Enumerable.Range(1, 10).Select(k => (A: 12 + (0.5 * k), B: 25 + (k * k * 0.1))).ToArray();
        var banks = new CorrelationBanks(new CorrelationGroupLayout("PUB.A", [new PartnerLayout("PUB.B", [3], [CorrelationMode.Levels])]));
        foreach (var (a, b) in new[] { (10.0, 20.0), (11.0, 21.0) })
        {
            banks.ReviseAnchor(a);
            banks.RevisePartner(0, b);
            banks.CommitBar();
        }

        var expected = revisions.Select(r =>
        {
            banks.ReviseAnchor(r.A);
            banks.RevisePartner(0, r.B);
            return banks.GetStats(0).Correlation!.Value;
        }).ToArray();
        var observer = new RecordingObserver();
        var reference = Client.CreateObjectReference<IMarketObserver>(observer);
        var registry = Client.GetGrain<IObserverRegistryGrain>(0);
        var group = Client.GetGrain<ICorrelationGroupGrain>("PUB.A");
        await registry.Register(reference);
        try
        {
            await group.Ingest(
            [
                new Tick("PUB.A", Scenario.Day(0), 10), new Tick("PUB.B", Scenario.Day(0), 20),
                new Tick("PUB.A", Scenario.Day(1), 11), new Tick("PUB.B", Scenario.Day(1), 21),
            ]);
            foreach (var (a, b) in revisions)
            {
                await group.Ingest([new Tick("PUB.A", Scenario.Day(2), a), new Tick("PUB.B", Scenario.Day(2), b)]);
            }

            var pushed = await Task.WhenAll(expected.Select(r => observer.Correlation(key.ToString(), r))).WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal(expected.Length, expected.Distinct().Count());
            Assert.Equal(
                expected.Select(r => new SeriesUpdate(SeriesKind.Correlation, key.ToString(), Scenario.BarStart(2), r, BarClosed: false)),
                pushed);
            Assert.Equal(expected[^1], (await group.GetLive(key))!.Correlation);
        }
        finally
        {
            await registry.Unregister(reference);
        }
    }

    [Fact]
    public async Task Event_log_pages_and_reports_readers_that_fell_out_of_retention()
    {
        var log = Client.GetGrain<IEventLogGrain>(0);
        var before = await Scenario.LastSequence(Client);
        var appended = await log.Append([.. Enumerable.Range(0, 60).Select(i => (MarketEvent)new AllTimeHigh(0, Scenario.Day(900 + i), "RET", 2 + i, 1, Scenario.Day(899)))]);

        var stale = await log.GetSince(before, 10);
        var recent = await log.GetSince(appended[^6].Sequence, 3);

        Assert.Equal(Enumerable.Range(1, 60).Select(i => before + i), appended.Select(e => e.Sequence));
        Assert.True(stale.Truncated);
        Assert.Equal(before + 11, stale.OldestRetainedSequence);
        Assert.Equal(before + 11, stale.Events[0].Sequence);
        Assert.True(stale.HasMore);
        Assert.False(recent.Truncated);
        Assert.Equal(appended.Skip(55).Take(3), recent.Events);
        Assert.True(recent.HasMore);
        Assert.Equal(before + 60, recent.LastSequence);
    }

    [Fact]
    public async Task Universe_lists_configured_assets_and_pair_windows()
    {
        var universe = await Client.GetGrain<IUniverseGrain>(0).GetUniverse();

        Assert.Equal(TestConfig.DayMs, universe.BarSizeMs);
        Assert.Contains(universe.Assets, a => a.Symbol == "BTC.D" && a.Class == Interfaces.Assets.AssetClass.Dominance);
        Assert.Equal(
            ["BD.A|BD.B|120|Returns", "BD.A|BD.B|20|Returns", "BD.A|BD.B|40|Returns", "PUB.A|PUB.B|3|Levels", "SF.A|SF.B|20|Returns"],
            universe.PairWindows.Select(k => k.ToString()).Order(StringComparer.Ordinal));
    }

    private sealed class RecordingObserver : IMarketObserver
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource<SeriesUpdate>> _prices = new();

        public TaskCompletionSource<MarketEvent> Events { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<SeriesUpdate> Price(string symbol, long timeMs) => PriceSource($"{symbol}@{timeMs}").Task;

        public Task<SeriesUpdate> Correlation(string key, double value) => PriceSource($"{key}={value:R}").Task;

        public Task OnEvents(ImmutableArray<MarketEvent> events)
        {
            foreach (var e in events.Where(e => e is AllTimeHigh { Symbol: "LIVE" }))
            {
                Events.TrySetResult(e);
            }

            return Task.CompletedTask;
        }

        public Task OnSeries(ImmutableArray<SeriesUpdate> updates)
        {
            foreach (var update in updates)
            {
                var at = update.Kind == SeriesKind.Price ? $"{update.Key}@{update.TimeMs}" : $"{update.Key}={update.Value:R}";
                PriceSource(at).TrySetResult(update);
            }

            return Task.CompletedTask;
        }

        private TaskCompletionSource<SeriesUpdate> PriceSource(string key) =>
            _prices.GetOrAdd(key, _ => new TaskCompletionSource<SeriesUpdate>(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
