using AltseasonLive.Testing;

namespace AltseasonLive.Cluster.Tests;

/// <summary>A test's own redis-server on a free loopback port and a scratch folder for its nodes, both removed at the end.</summary>
public sealed class PrivateCluster : IAsyncDisposable
{
    private PrivateCluster(RedisProcess redis) => Redis = redis;

    public RedisProcess Redis { get; }

    /// <summary>Parent folder of the nodes' data folders.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "altseasonlive-cluster-tests", Guid.NewGuid().ToString("N"));

    public static async Task<PrivateCluster> StartAsync() => new(await RedisProcess.StartAsync());

    public async ValueTask DisposeAsync()
    {
        await Redis.DisposeAsync();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
