using System.Collections.Immutable;
using AltseasonLive.Feeds;
using AltseasonLive.Feeds.Replay;
using AltseasonLive.Grains.Hosting;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.Silo.Analysis;
using AltseasonLive.Statistics;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace AltseasonLive.History.Tests;

public sealed class BreakdownRuleTests
{
    [Fact]
    public async Task Backtest_signals_match_the_grains_events_on_the_same_history()
    {
        var history = new BundledHistory();
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<DailyBarsSilo>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        var events = new List<MarketEvent>();
        try
        {
            var replay = new HistoryReplay(history, new HistoryReplayOptions { IncludeCoins = false, Symbols = new HashSet<string> { "RUT", "TOTAL3" } });
            var log = cluster.Client.GetGrain<IEventLogGrain>(0);
            await replay.RunAsync(new IngestSink(cluster.Client, log, events));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }

        var from = HistoryReplayOptions.DefaultFrom;
        var rut = history.Series("RUT").Slice(from, null);
        var total3 = history.Series("TOTAL3");
        var grainHighs = events.OfType<AllTimeHigh>().Select(e => DateOnly.FromDateTime(e.Time.UtcDateTime)).ToArray();
        Assert.NotEmpty(grainHighs);
        Assert.Equal(grainHighs, Signals.AllTimeHighs(rut));

        var grainBreakdowns = events.OfType<CorrelationBreakdown>()
            .Where(e => e.Pair.Window == 30 && e.Pair.Mode == Grains.Interfaces.Correlation.CorrelationMode.Levels)
            .Select(e => DateOnly.FromDateTime(e.Time.UtcDateTime))
            .ToArray();
        Assert.NotEmpty(grainBreakdowns);
        Assert.Equal(grainBreakdowns, Signals.CorrelationBreakdowns(rut, total3, 30, 365, new BreakdownRule(30), CorrelationMode.Levels));
    }

    private sealed class IngestSink(IClusterClient client, IEventLogGrain log, List<MarketEvent> events) : ITickSink
    {
        public async ValueTask<TickBatchResult> PublishAsync(ReadOnlyMemory<Tick> batch, CancellationToken cancellationToken)
        {
            var result = await client.GetGrain<ITickIngestGrain>(0).Ingest(ImmutableArray.Create(batch.Span));
            var last = events.Count > 0 ? events[^1].Sequence : 0;
            EventPage page;
            do
            {
                page = await log.GetSince(last, 1000);
                events.AddRange(page.Events);
                last = events.Count > 0 ? events[^1].Sequence : 0;
            }
            while (page.HasMore);
            return result;
        }
    }

    private sealed class DailyBarsSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddAltseasonLive(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Bars:BarSize"] = "1.00:00:00",
                    ["Bars:LateTolerance"] = "1.00:00:00",
                    ["Storage:Provider"] = "Memory",
                })
                .Build());
    }
}
