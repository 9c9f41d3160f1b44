using System.Diagnostics;
using AltseasonLive.Testing;
using Xunit.Abstractions;

namespace AltseasonLive.Cluster.Tests;

/// <summary>
/// Real failures of real processes: a node SIGKILLed in the middle of a feed, a node stopped and restarted, the whole
/// cluster stopped and started again on its Redis. Each test has its own redis-server.
/// </summary>
public sealed class FailoverTests(UninterruptedRun reference, ITestOutputHelper output) : IClassFixture<UninterruptedRun>, IAsyncLifetime
{
    /// <summary>Kill to first accepted tick on a survivor: detection (2 missed 1 s probes) plus reactivation, with slack for a loaded 2-core machine.</summary>
    private static readonly TimeSpan FailoverBound = TimeSpan.FromSeconds(30);

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
    public async Task Killing_the_node_that_hosts_the_event_log_mid_feed_leaves_a_cluster_that_serves_again_within_the_bound_and_every_subscriber_gets_every_event_in_order()
    {
        var redis = _cluster!.Redis;
        var requests = Feed.Requests;

        // a starts alone, so every grain of the first requests (the event log among them) is activated on a.
        var a = await ClusterNode.StartAsync(Root, "a", redis);
        using (var toA = a.CreateClient())
        {
            for (var i = 0; i < 40; i++)
            {
                await Feed.PublishAsync(toA, i);
            }
        }

        var started = await Task.WhenAll(ClusterNode.StartAsync(Root, "b", redis), ClusterNode.StartAsync(Root, "c", redis));
        await using var b = started[0];
        await using var c = started[1];
        await Feed.WaitForActiveSilosAsync(b, 3, TimeSpan.FromSeconds(30));
        await Feed.WaitForActiveSilosAsync(c, 3, TimeSpan.FromSeconds(30));

        var subscribers = new List<EventSubscriber>();
        foreach (var (name, node) in new[] { ("a1", a), ("a2", a), ("b1", b), ("c1", c) })
        {
            subscribers.Add(await EventSubscriber.ConnectAsync(name, node.BaseAddress));
        }

        using var toB = b.CreateClient();
        using var toC = c.CreateClient();
        HttpClient[] publishers = [toB, toC];
        const int killAt = 160;
        for (var i = 40; i < killAt; i++)
        {
            await Feed.PublishAsync(publishers[i % 2], i);
        }

        var killedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var subscriber in subscribers)
        {
            subscriber.WatchForPushAfter(killedAt);
        }

        await a.KillAsync();
        await a.DisposeAsync();
        foreach (var subscriber in subscribers.Where(s => s.Node == a.BaseAddress))
        {
            await subscriber.MoveToAsync(b.BaseAddress);
        }

        // Keep publishing to the survivors; a request that fails (its grains were on a) is sent again until accepted.
        long firstAcceptedAt = -1;
        var clock = Stopwatch.StartNew();
        for (var i = killAt; i < requests.Count; i++)
        {
            while (!await Feed.TryPublishAsync(publishers[i % 2], i))
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"request {i} was not accepted after the kill");
                await Task.Delay(100);
            }

            if (firstAcceptedAt < 0)
            {
                firstAcceptedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            }
        }

        var actual = await Feed.ReadAsync(toC);
        var last = actual.Sequences.Count == 0 ? 0 : actual.Sequences[^1];
        await WaitAsync(() => subscribers.All(s => s.LastSequence >= last), TimeSpan.FromSeconds(10));

        var firstPush = subscribers.Select(s => s.FirstPushAfterMs).Where(t => t > 0).DefaultIfEmpty(-1).Min();
        output.WriteLine($"failover: kill -> first accepted tick {firstAcceptedAt - killedAt} ms, -> first pushed event {(firstPush < 0 ? "none" : $"{firstPush - killedAt} ms")}");
        Assert.InRange(firstAcceptedAt - killedAt, 0, (long)FailoverBound.TotalMilliseconds);

        // One place numbers the events: the log has 1..N with no gap or repeat, across the failover.
        Assert.Equal(Enumerable.Range(1, actual.Sequences.Count).Select(i => (long)i), actual.Sequences);
        // Every subscriber, those of the killed node included (they moved to b), got every event once and in order,
        // also those raised while the hubs were re-registering with the reactivated observer registry.
        var wrong = subscribers.Where(s => !s.Sequences.SequenceEqual(actual.Sequences))
            .Select(s => $"{s.Name} received {string.Join(",", s.Sequences)}").ToList();
        Assert.True(wrong.Count == 0, $"the log has 1..{last}; {string.Join("; ", wrong)}");
        Assert.True(firstPush > 0, "no event was pushed to a subscriber after the kill");

        output.WriteLine($"subscribers: {string.Join(", ", subscribers.Select(s => $"{s.Name} 1..{s.LastSequence}"))} of 1..{last}");
        output.WriteLine($"events: {actual.Sequences.Count} in the cluster, {reference.Expected.Sequences.Count} in the uninterrupted run");

        // Nothing acknowledged was lost and nothing resent was applied twice: the cluster ends where one node that
        // never failed ends (the ingest log replayed what the killed node's grains had not written yet).
        Assert.True(reference.Expected.Events.Count >= 5, $"the feed should raise several events, got {reference.Expected.Events.Count}");
        Assert.Equal(reference.Expected.EventLines, actual.EventLines);
        JsonAssert.Equivalent(reference.Expected.Correlations, actual.Correlations, tolerance: 1e-9);
        JsonAssert.Equivalent(reference.Expected.Market, actual.Market, tolerance: 1e-9);
    }

    [Fact]
    public async Task A_node_stopped_gracefully_rejoins_and_a_cluster_stopped_and_started_again_resumes_from_redis()
    {
        var redis = _cluster!.Redis;
        var requests = Feed.Requests;
        var nodes = await Task.WhenAll(ClusterNode.StartAsync(Root, "a", redis), ClusterNode.StartAsync(Root, "b", redis), ClusterNode.StartAsync(Root, "c", redis));
        await Feed.WaitForActiveSilosAsync(nodes[0], 3, TimeSpan.FromSeconds(30));
        for (var i = 0; i < 120; i++)
        {
            using var client = nodes[i % 3].CreateClient();
            await Feed.PublishAsync(client, i);
        }

        // b leaves cleanly (its grains write their state as they deactivate) and comes back on new ports.
        await nodes[1].StopAsync();
        await nodes[1].DisposeAsync();
        nodes[1] = await ClusterNode.StartAsync(Root, "b2", redis);
        foreach (var node in nodes)
        {
            await Feed.WaitForActiveSilosAsync(node, 3, TimeSpan.FromSeconds(30));
        }

        for (var i = 120; i < 240; i++)
        {
            using var client = nodes[i % 3].CreateClient();
            await Feed.PublishAsync(client, i);
        }

        // Everything stops; a new cluster on the same Redis carries on where the old one stopped.
        foreach (var node in nodes)
        {
            await node.StopAsync();
            await node.DisposeAsync();
        }

        var restarted = await Task.WhenAll(ClusterNode.StartAsync(Root, "a3", redis), ClusterNode.StartAsync(Root, "b3", redis), ClusterNode.StartAsync(Root, "c3", redis));
        try
        {
            await Feed.WaitForActiveSilosAsync(restarted[2], 3, TimeSpan.FromSeconds(30));
            for (var i = 240; i < requests.Count; i++)
            {
                using var client = restarted[i % 3].CreateClient();
                await Feed.PublishAsync(client, i);
            }

            using var reader = restarted[1].CreateClient();
            var actual = await Feed.ReadAsync(reader);
            Assert.True(reference.Expected.Events.Count >= 5, $"the feed should raise several events, got {reference.Expected.Events.Count}");
            Assert.Equal(reference.Expected.EventLines, actual.EventLines);
            JsonAssert.Equivalent(reference.Expected.Correlations, actual.Correlations, tolerance: 1e-9);
            JsonAssert.Equivalent(reference.Expected.Market, actual.Market, tolerance: 1e-9);
        }
        finally
        {
            foreach (var node in restarted)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }
}
