using System.Text.Json;
using AltseasonLive.LoadTest.Load;
using AltseasonLive.LoadTest.Reporting;
using AltseasonLive.LoadTest.Tests.Infrastructure;

namespace AltseasonLive.LoadTest.Tests;

/// <summary>The generator's core against the real product on loopback: tiny rate, a few seconds, no timing assertions.</summary>
public sealed class LoadRunnerTests
{
    [Theory]
    [InlineData(PublishTransport.WebSocket)]
    [InlineData(PublishTransport.Http)]
    public async Task Run_counts_ticks_sent_and_accepted_and_updates_received(PublishTransport transport)
    {
        await using var server = await ProductServer.StartAsync();
        var settings = new LoadSettings
        {
            Urls = [server.BaseAddress],
            Key = ProductServer.IngestionKey,
            Transport = transport,
            Publishers = 2,
            Rate = 300,
            Batch = 25,
            Subscribers = 2,
            IdleSubscribers = 2,
            Topics = ["asset:BTC", "asset:RUT", "events"],
            Symbols = 5,
            Warmup = TimeSpan.FromSeconds(1),
            Duration = TimeSpan.FromSeconds(3),
        };
        var snapshots = new List<LoadSnapshot>();

        var summary = await new LoadRunner(settings).RunAsync(snapshots.Add, CancellationToken.None);

        Assert.True(summary.TicksSent > 0);
        Assert.True(summary.BatchesSent > 0);
        Assert.True(summary.TicksAccepted > 0);
        Assert.Equal(0, summary.TicksRejected);
        Assert.Equal(0, summary.PublishErrors);
        Assert.Equal(8, summary.Symbols);
        Assert.Equal(4, summary.Subscribers.Connected);
        Assert.Equal(0, summary.Subscribers.ConnectFailures);
        Assert.True(summary.Subscribers.UpdatesMin > 0, "every tracked subscriber received updates");
        Assert.True(summary.TickToClientLatency.Count > 0, "price updates carried tick timestamps");
        var node = Assert.Single(summary.Nodes);
        Assert.False(node.Server.StatsEndpointAvailable && node.Server.StatsAtEnd is null);
        Assert.NotEmpty(snapshots);
        Assert.Contains(snapshots, s => s.Measuring);
    }

    [Fact]
    public async Task Json_summary_is_well_formed_and_matches_the_table_figures()
    {
        await using var server = await ProductServer.StartAsync();
        var settings = new LoadSettings
        {
            Urls = [server.BaseAddress],
            Key = ProductServer.IngestionKey,
            Publishers = 1,
            Rate = 200,
            Batch = 20,
            Subscribers = 1,
            Topics = ["asset:ETH"],
            Symbols = 2,
            Warmup = TimeSpan.Zero,
            Duration = TimeSpan.FromSeconds(2),
        };
        var summary = await new LoadRunner(settings).RunAsync(null, CancellationToken.None);
        var path = Path.Combine(Path.GetTempPath(), $"load-summary-{Guid.NewGuid():N}.json");
        try
        {
            await SummaryJson.WriteAsync(summary, path, CancellationToken.None);
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            var root = document.RootElement;

            Assert.Equal(summary.TicksSent, root.GetProperty("ticksSent").GetInt64());
            Assert.Equal(summary.TicksAccepted, root.GetProperty("ticksAccepted").GetInt64());
            Assert.Equal("WebSocket", root.GetProperty("transport").GetString());
            var latency = root.GetProperty("tickToClientLatency");
            foreach (var name in new[] { "count", "p50Ms", "p99Ms", "p999Ms", "maxMs" })
            {
                Assert.Equal(JsonValueKind.Number, latency.GetProperty(name).ValueKind);
            }

            var subscribers = root.GetProperty("subscribers");
            Assert.Equal(summary.Subscribers.UpdatesMax, subscribers.GetProperty("updatesMax").GetInt64());
            var node = Assert.Single(root.GetProperty("nodes").EnumerateArray());
            Assert.Equal(JsonValueKind.True, node.GetProperty("server").GetProperty("statsEndpointAvailable").ValueKind);
            var measured = node.GetProperty("serverMeasured");
            Assert.True(measured.GetProperty("ticksAccepted").GetInt64() > 0, "the server counted no accepted ticks over the measured period");
            Assert.True(measured.GetProperty("seriesOffered").GetInt64() > 0, "the server counted no series values");
            Assert.Equal(0, measured.GetProperty("clientsDropped").GetInt64());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
