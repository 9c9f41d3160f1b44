using AltseasonLive.Testing;

namespace AltseasonLive.Cluster.Tests;

/// <summary>Settings and start-up of one cluster node: the api process with Redis clustering and the fast membership timings.</summary>
public static class ClusterNode
{
    public const string OperatorKey = "cluster-test-operator-key";

    /// <summary>
    /// What a node on one machine needs: the Redis and loopback. The membership timings declare a dead node dead within a
    /// few seconds (production keeps Orleans' defaults). Feed settings from <see cref="DurabilityFeed"/>.
    /// </summary>
    public static Dictionary<string, string> Settings(RedisProcess redis) => new(DurabilityFeed.Settings)
    {
        ["Clustering:Provider"] = "Redis",
        ["Clustering:ConnectionString"] = redis.ConnectionString,
        ["Clustering:AdvertisedIPAddress"] = "127.0.0.1",
        ["Clustering:ProbeTimeout"] = "00:00:01",
        ["Clustering:MissedProbes"] = "2",
        ["Clustering:DeathVotes"] = "1",
        ["Operations:Keys:0"] = OperatorKey,
    };

    public static Task<ApiProcess> StartAsync(string root, string name, RedisProcess redis)
    {
        var folder = Path.Combine(root, name);
        Directory.CreateDirectory(folder);
        return ApiProcess.StartAsync(folder, Settings(redis), readyPath: "/readyz");
    }
}
