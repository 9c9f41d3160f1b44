using AltseasonLive.LoadTest.Load;
using AltseasonLive.LoadTest.Soak;
using AltseasonLive.LoadTest.Tests.Infrastructure;

namespace AltseasonLive.LoadTest.Tests.Soak;

/// <summary>A three-second soak against the real product on loopback; no timing assertions.</summary>
public sealed class SoakRunnerTests
{
    [Fact]
    public async Task Samples_each_interval_with_ticks_latency_and_server_memory()
    {
        await using var server = await ProductServer.StartAsync();
        var settings = new SoakSettings
        {
            Load = new LoadSettings
            {
                Urls = [server.BaseAddress],
                Key = ProductServer.IngestionKey,
                Publishers = 2,
                Rate = 400,
                Batch = 20,
                Subscribers = 2,
                Topics = ["asset:BTC", "asset:ETH", "asset:RUT"],
                Symbols = 4,
                Warmup = TimeSpan.Zero,
                Duration = TimeSpan.FromSeconds(3),
                // The product server runs in this test process.
                ServerPids = [Environment.ProcessId],
            },
            SampleInterval = TimeSpan.FromSeconds(1),
        };
        var progress = new List<SoakProgress>();

        var report = await new SoakRunner(settings).RunAsync(progress.Add, CancellationToken.None);

        Assert.Equal(3, report.Samples.Count);
        Assert.Equal([1, 2, 3], report.Samples.Select(s => s.Index));
        Assert.All(report.Samples, s =>
        {
            Assert.True(s.AcceptedPerSecond > 0, $"sample {s.Index} acknowledged ticks");
            Assert.True(s.SentPerSecond > 0, $"sample {s.Index} sent ticks");
            Assert.True(s.TickToClient.Count > 0, $"sample {s.Index} recorded tick-to-client latency");
            Assert.True(s.ServerResidentMiB > 0, $"sample {s.Index} read the server's RSS");
            Assert.True(s.IntervalSeconds > 0);
            Assert.Equal(2, s.SubscribersConnected);
        });
        Assert.True(report.Samples.Zip(report.Samples.Skip(1)).All(p => p.Second.ElapsedSeconds > p.First.ElapsedSeconds));
        var perInterval = report.Samples.Sum(s => s.TickToClient.Count);
        // The whole-run histogram holds every interval's values (and what arrived while the last sample was read).
        Assert.True(report.Load.TickToClientLatency.Count >= perInterval);
        Assert.True(report.Load.TicksAccepted > 0);
        Assert.Equal(SoakVerdict.ResidentSeries, report.Verdict.JudgedSeries);
        Assert.NotNull(report.Verdict.Resident);
        Assert.Equal(0, report.Verdict.Errors.PublishErrors);
        Assert.Equal(0, report.Verdict.Errors.ConnectFailures);
        Assert.NotEmpty(progress);

        // The product exposes GET /api/stats: every sample carries its GC heap and hub connections.
        Assert.True(Assert.Single(report.Load.Nodes).Server.StatsEndpointAvailable);
        Assert.All(report.Samples, s =>
        {
            Assert.True(s.ServerGcHeapMiB > 0, $"sample {s.Index} read the server's GC heap");
            Assert.True(s.ServerConnections >= 2, $"sample {s.Index} read the hub connections");
        });
        Assert.NotNull(report.Verdict.GcHeap);
    }
}
