using System.Net;
using System.Text.Json;
using AltseasonLive.Testing;
using Xunit.Abstractions;

namespace AltseasonLive.Cluster.Tests;

/// <summary>Three api processes on one private Redis form one cluster: shared grain state in Redis, readiness, the operator dashboard.</summary>
public sealed class ClusterFormationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private PrivateCluster? _cluster;

    private string Root => _cluster!.Root;

    public async Task InitializeAsync() => _cluster = await PrivateCluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Three_nodes_on_one_redis_form_one_cluster_that_serves_the_same_grains_from_every_node_and_guards_the_dashboard()
    {
        var redis = _cluster!.Redis;
        var started = await Task.WhenAll(ClusterNode.StartAsync(Root, "a", redis), ClusterNode.StartAsync(Root, "b", redis), ClusterNode.StartAsync(Root, "c", redis));
        await using var a = started[0];
        await using var b = started[1];
        await using var c = started[2];
        foreach (var node in started)
        {
            await Feed.WaitForActiveSilosAsync(node, 3, TimeSpan.FromSeconds(30));
        }

        using var toA = a.CreateClient();
        using var fromC = c.CreateClient();
        var before = await RedisCommandStats.ReadAsync(redis);
        var keysBefore = await KeyCountAsync(redis);
        const int requests = 40;
        for (var i = 0; i < requests; i++)
        {
            await Feed.PublishAsync(toA, i);
        }

        // Grain state goes to the cluster's Redis (no Storage:* setting), not to a node's local file.
        var used = RedisCommandStats.Since(before, await RedisCommandStats.ReadAsync(redis));
        output.WriteLine($"redis calls for {requests} tick batches (4 ticks each): {string.Join(", ", used.Select(p => $"{p.Key}={p.Value}"))}; {used.Values.Sum() / (double)requests:F1} per batch");
        var keysAfter = await KeyCountAsync(redis);
        Assert.True(keysAfter > keysBefore, $"grain state was not written to Redis: {keysBefore} keys before, {keysAfter} after");

        // Grain state is shared: what was published on a is served, identically, by c.
        var onA = await Feed.ReadAsync(toA);
        var onC = await Feed.ReadAsync(fromC);
        Assert.Equal(onA.EventLines, onC.EventLines);
        JsonAssert.Equivalent(onA.Market, onC.Market, tolerance: 0);
        JsonAssert.Equivalent(onA.Correlations, onC.Correlations, tolerance: 0);

        var ready = JsonDocument.Parse(await fromC.GetStringAsync("/readyz")).RootElement;
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal("ok", await fromC.GetStringAsync("/healthz"));
        await AssertDashboardNeedsTheOperatorKeyAsync(b);
    }

    /// <summary>The Orleans Dashboard at /orleans answers only with an operator key (header; a wrong key is refused).</summary>
    private static async Task AssertDashboardNeedsTheOperatorKeyAsync(ApiProcess node)
    {
        using var client = new HttpClient { BaseAddress = node.BaseAddress };
        using (var anonymous = await client.GetAsync("/orleans/"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "/orleans/"))
        {
            wrong.Headers.Add("X-Operator-Key", "not-the-key");
            using var response = await client.SendAsync(wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using var keyed = new HttpRequestMessage(HttpMethod.Get, "/orleans/");
        keyed.Headers.Add("X-Operator-Key", ClusterNode.OperatorKey);
        using var dashboard = await client.SendAsync(keyed);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("text/html", dashboard.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<long> KeyCountAsync(RedisProcess redis) =>
        long.Parse((await redis.CommandAsync("DBSIZE")).TrimStart(':').Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
