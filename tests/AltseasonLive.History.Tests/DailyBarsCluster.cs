using System.Collections.Immutable;
using AltseasonLive.Feeds;
using AltseasonLive.Grains.Hosting;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Ticks;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace AltseasonLive.History.Tests;

/// <summary>
/// An in-process one-silo test cluster with the product's grains on one-day bars and in-memory storage, as the
/// <c>events</c> CLI runs them, plus the reads the history-wide tests need (the whole event log, a tick sink).
/// </summary>
public sealed class DailyBarsCluster : IAsyncDisposable
{
    private DailyBarsCluster(TestCluster cluster) => Cluster = cluster;

    public TestCluster Cluster { get; }

    public IClusterClient Client => Cluster.Client;

    public static async Task<DailyBarsCluster> StartAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<DailyBarsSilo>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new DailyBarsCluster(cluster);
    }

    /// <summary>Sends one batch to the ingest grain, as the product's sink does.</summary>
    public Task<TickBatchResult> IngestAsync(ReadOnlyMemory<Tick> batch) =>
        Client.GetGrain<ITickIngestGrain>(0).Ingest(ImmutableArray.Create(batch.Span));

    /// <summary>Appends every event logged after <paramref name="after"/> and returns the last sequence read.</summary>
    public async Task<long> DrainEventsAsync(long after, List<MarketEvent> into)
    {
        var log = Client.GetGrain<IEventLogGrain>(0);
        EventPage page;
        do
        {
            page = await log.GetSince(after, 1000);
            into.AddRange(page.Events);
            if (page.Events.Length > 0)
            {
                after = page.Events[^1].Sequence;
            }
        }
        while (page.HasMore);
        return after;
    }

    public ITickSink Sink() => new IngestSink(this);

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class IngestSink(DailyBarsCluster cluster) : ITickSink
    {
        public async ValueTask<TickBatchResult> PublishAsync(ReadOnlyMemory<Tick> batch, CancellationToken cancellationToken) =>
            await cluster.IngestAsync(batch);
    }

    private sealed class DailyBarsSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var config = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Bars:BarSize"] = "1.00:00:00",
                    ["Bars:LateTolerance"] = "1.00:00:00",
                    ["Storage:Provider"] = "Memory",
                    ["Feeds:Mode"] = "Off",
                })
                .Build();
            siloBuilder.AddAltseasonLive(config);
        }
    }
}
