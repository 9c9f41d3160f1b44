using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Market;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AltseasonLive.Grains.Tests;

/// <summary>
/// Grain state survives a silo restart on the same SQLite file (direct writes, or checkpoints plus the batches after the
/// last one fed again, as the api's journal replay does): the run ends exactly as an uninterrupted one.
/// </summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly string _folder = ClusterHost.NewTempFolder();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        ClusterHost.DeleteFolder(_folder);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Stopping_the_silo_mid_sequence_ends_in_the_same_state_and_events_as_an_uninterrupted_run()
    {
        var batches = Batches();
        var stopAfter = 245;

        var uninterrupted = await Run(Path.Combine(_folder, "uninterrupted.db"), [batches]);
        var restarted = await Run(Path.Combine(_folder, "restarted.db"), [batches[..stopAfter], batches[stopAfter..]]);

        Assert.Equal(5, uninterrupted.Events.Count);
        Assert.Contains(uninterrupted.Events, e => e.Sequence > 2 && e is Recoupling);
        AssertSameEnd(uninterrupted, restarted);
    }

    [Fact]
    public async Task Checkpointed_storage_restarts_from_the_last_commit_and_ends_like_an_uninterrupted_run_when_the_rest_is_fed_again()
    {
        var batches = Batches();
        var (committedAt, stoppedAt) = (150, 245);
        var uninterrupted = await Run(Path.Combine(_folder, "uninterrupted.db"), [batches]);
        var config = ClusterFixture.Config(Path.Combine(_folder, "checkpointed.db")).Set("Storage:Checkpointed", "true").Build();

        var cluster = await ClusterHost.StartAsync(config);
        try
        {
            await Scenario.Feed(cluster.Client, batches[..100]);
            await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
            await Scenario.Feed(cluster.Client, batches[100..committedAt]);
            await Checkpoint(cluster).CommitAsync(committedAt, CancellationToken.None);
            await Scenario.Feed(cluster.Client, batches[committedAt..stoppedAt]);
        }
        finally
        {
            await ClusterHost.StopAsync(cluster);
        }

        RunResult restarted;
        cluster = await ClusterHost.StartAsync(config);
        try
        {
            Assert.Equal(committedAt, await Checkpoint(cluster).ReadPositionAsync(CancellationToken.None));
            await Scenario.Feed(cluster.Client, batches[committedAt..]);
            restarted = await Read(cluster.Client);
        }
        finally
        {
            await ClusterHost.StopAsync(cluster);
        }

        AssertSameEnd(uninterrupted, restarted);
    }

    private static void AssertSameEnd(RunResult uninterrupted, RunResult restarted)
    {
        Assert.Equal(uninterrupted.Events.Select(Describe), restarted.Events.Select(Describe));
        Assert.Equal(Enumerable.Range(1, restarted.Events.Count).Select(i => (long)i), restarted.Events.Select(e => e.Sequence));
        for (var i = 0; i < uninterrupted.Windows.Count; i++)
        {
            var (expected, actual) = (uninterrupted.Windows[i], restarted.Windows[i]);
            Assert.Equal(expected.State, actual.State);
            Assert.Equal(expected.History.Select(h => h.TimeMs), actual.History.Select(h => h.TimeMs));
            Assert.Equal(expected.History.Select(h => h.Value), actual.History.Select(h => h.Value), (x, y) => Math.Abs(x - y) < 1e-9);
            Assert.Equal(expected.BandLower!.Value, actual.BandLower!.Value, 1e-9);
            Assert.Equal(expected.Live!.Correlation!.Value, actual.Live!.Correlation!.Value, 1e-9);
        }

        Assert.Equal(uninterrupted.Asset with { Volatility = null }, restarted.Asset with { Volatility = null });
        Assert.Equal(uninterrupted.Asset.Volatility!.Value, restarted.Asset.Volatility!.Value, 1e-12);
        Assert.Equal(uninterrupted.Market with { Sources = null }, restarted.Market with { Sources = null });
        Assert.Equal(uninterrupted.Market.Sources!, restarted.Market.Sources!);
    }

    private static ImmutableArray<Tick>[] Batches()
    {
        var (a, b) = CorrelationEventTests.BreakdownPaths();
        double[] btcD = [56.5, 56.2, 55.9, 55.6, 55.3, 55.05, 54.9, 54.7, 54.5, 54.95, 55.05, 54.95, 55.08, 54.97, 54.9];
        return
        [
            .. Enumerable.Range(0, a.Length).Select(d => d < btcD.Length
                ? ImmutableArray.Create(new Tick("BD.A", Scenario.Day(d), a[d]), new Tick("BD.B", Scenario.Day(d), b[d]), new Tick("BTC.D", Scenario.Day(d), btcD[d]))
                : ImmutableArray.Create(new Tick("BD.A", Scenario.Day(d), a[d]), new Tick("BD.B", Scenario.Day(d), b[d]))),
        ];
    }

    private static async Task<RunResult> Run(string sqlitePath, ImmutableArray<Tick>[][] segments)
    {
        var config = ClusterFixture.Config(sqlitePath).Build();
        RunResult? result = null;
        for (var s = 0; s < segments.Length; s++)
        {
            var cluster = await ClusterHost.StartAsync(config);
            try
            {
                await Scenario.Feed(cluster.Client, segments[s]);
                if (s == segments.Length - 1)
                {
                    result = await Read(cluster.Client);
                }
            }
            finally
            {
                await ClusterHost.StopAsync(cluster);
            }
        }

        return result ?? throw new InvalidOperationException("No segment ran.");
    }

    private static async Task<RunResult> Read(IClusterClient client)
    {
        var windows = new List<PairWindowSnapshot>();
        foreach (var window in new[] { 20, 40, 120 })
        {
            windows.Add(await client.GetGrain<IPairWindowGrain>($"BD.A|BD.B|{window}|Returns").GetSnapshot());
        }

        return new RunResult(
            await Scenario.EventsAfter(client, 0),
            windows,
            await client.GetGrain<IAssetGrain>("BD.A").GetSnapshot(),
            await client.GetGrain<IMarketGrain>(0).GetSnapshot() with { SuppliedSeries = [] });
    }

    private static IStateCheckpoint Checkpoint(InProcessTestCluster cluster) =>
        cluster.Silos[0].ServiceProvider.GetRequiredService<IStateCheckpoint>();

    private static string Describe(MarketEvent e) => $"{e.Sequence} {e.TimeMs} {e.Describe()}";

    private sealed record RunResult(List<MarketEvent> Events, List<PairWindowSnapshot> Windows, AssetSnapshot Asset, MarketSnapshot Market);
}
