using AltseasonLive.Grains.Hosting;
using AltseasonLive.Grains.Interfaces.Ticks;
using Microsoft.Extensions.DependencyInjection;

namespace AltseasonLive.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class IngestClockTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_pinned_clock_judges_ticks_against_the_pinned_time_and_release_restores_the_system_clock()
    {
        var clock = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IngestClock>();

        clock.Pin(Scenario.Day(1000));
        TickBatchResult result;
        try
        {
            result = await fixture.Client.GetGrain<ITickIngestGrain>(0).Ingest([new Tick("VAL.A", Scenario.Day(1001), 42)]);
        }
        finally
        {
            clock.Release();
        }

        Assert.Equal(TickRejectReason.TooFarInFuture, Assert.Single(result.Rejections).Reason);
        Assert.InRange(clock.GetUtcNow(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }
}
