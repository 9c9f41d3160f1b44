using AltseasonLive.Grains.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace AltseasonLive.Grains.Tests;

/// <summary>Starts an in-process test cluster whose silo is configured exactly as api/ and silo/ configure theirs.</summary>
public static class ClusterHost
{
    public static async Task<InProcessTestCluster> StartAsync(IConfiguration config)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddAltseasonLive(config));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static async Task StopAsync(InProcessTestCluster cluster)
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public static string NewTempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "altseason-grains-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static void DeleteFolder(string folder)
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
