using Orleans.TestingHost;

namespace AltseasonLive.Grains.Tests;

/// <summary>
/// The shared cluster: one silo on a temp SQLite file, daily bars, and a universe holding every scenario's own symbols
/// so that scenarios do not share grains. Tests in the collection run one after another, so each reads exactly the
/// events its own ticks produced.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly string _folder = ClusterHost.NewTempFolder();

    private InProcessTestCluster? _cluster;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public IClusterClient Client => Cluster.Client;

    public static TestConfig Config(string sqlitePath) => new TestConfig()
        .Asset("BD.A").Asset("BD.B").Pair("BD.A", "BD.B", [20, 40, 120])
        .Asset("SF.A").Asset("SF.B").Pair("SF.A", "SF.B", [20])
        .Asset("PUB.A").Asset("PUB.B").Pair("PUB.A", "PUB.B", [3], "Levels")
        .Asset("ATH.X").AllTimeHigh("ATH.X")
        .Asset("STK.A").Asset("STK.B").Streak("STK.A", "STK.B")
        .Asset("VAL.A")
        .Asset("BTC.D", "Dominance").Asset("USDT.D", "Dominance")
        .Levels("BTC.D", 50, 55, 57, 59, 60).Levels("USDT.D", 4.5, 5.5, 6.47)
        .Storage(sqlitePath);

    public async Task InitializeAsync() =>
        _cluster = await ClusterHost.StartAsync(Config(Path.Combine(_folder, "shared.db")).Build());

    public async Task DisposeAsync()
    {
        await ClusterHost.StopAsync(Cluster);
        ClusterHost.DeleteFolder(_folder);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
