using AltseasonLive.LoadTest.Load;

namespace AltseasonLive.LoadTest.Tests;

public sealed class ServerCountersTests
{
    private static string Stats(long atMs, long accepted, long offered, long coalesced, long dropped, long clientsDropped, long heldBack = 0) => $$"""
        {"atMs":{{atMs}},"uptimeSeconds":10,"intervalSeconds":1,
         "ticks":{"received":{{accepted + 5}},"accepted":{{accepted}},"rejected":5,"batches":3},
         "hub":{"connections":7,"seriesOffered":{{offered}},"seriesCoalesced":{{coalesced}},"seriesFlushed":1,"seriesDropped":{{dropped}},
                "messagesSent":{{accepted / 10}},"clientsDropped":{{clientsDropped}},"clientDropReasons":{},"outboxQueued":3,"outboxQueuedMax":2,
                "eventsHeldBack":{{heldBack}},"eventsRefetched":{{heldBack * 2}},"eventsOutOfOrder":{{heldBack * 3}}},
         "stages":{"priceAgeAtArrivalMeanMs":12.5,"priceAgeAtFlushMeanMs":30.25,"flushToWrittenMeanMs":4.5,"writeMeanMs":0.1},
         "process":{"gcHeapBytes":1000,"workingSetBytes":2000} }
        """;

    [Fact]
    public void Measured_counters_are_the_difference_between_two_readings_over_the_server_clock()
    {
        var start = ServerCounters.TryParse(Stats(1_000_000, 1_000, 50, 10, 0, 0, heldBack: 1));
        var end = ServerCounters.TryParse(Stats(1_002_000, 401_000, 250, 60, 7, 2, heldBack: 4));

        var measured = ServerMeasured.Between(start, end);

        Assert.NotNull(measured);
        Assert.Equal(2.0, measured.Seconds);
        Assert.Equal(400_000, measured.TicksAccepted);
        Assert.Equal(200_000, measured.AcceptedPerSecond);
        Assert.Equal(200, measured.SeriesOffered);
        Assert.Equal(50, measured.SeriesCoalesced);
        Assert.Equal(7, measured.SeriesDropped);
        Assert.Equal(2, measured.ClientsDropped);
        Assert.Equal(20_000, measured.MessagesSentPerSecond);
        Assert.Equal(2, measured.OutboxQueuedMaxAtEnd);
        Assert.Equal(30.25, measured.PriceAgeAtFlushMeanMs);
        Assert.Equal(4.5, measured.FlushToWrittenMeanMs);
        Assert.Equal(3, measured.EventsHeldBack);
        Assert.Equal(6, measured.EventsRefetched);
        Assert.Equal(9, measured.EventsOutOfOrder);
        Assert.Equal(1000, end!.GcHeapBytes);
        Assert.Equal(2000, end.WorkingSetBytes);
        Assert.Equal(7, end.Connections);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"status":404}""")]
    public void Anything_but_a_stats_document_gives_no_counters(string? json)
    {
        Assert.Null(ServerCounters.TryParse(json));
        Assert.Null(ServerMeasured.Between(ServerCounters.TryParse(json), ServerCounters.TryParse(Stats(1, 1, 1, 1, 1, 1))));
    }
}
