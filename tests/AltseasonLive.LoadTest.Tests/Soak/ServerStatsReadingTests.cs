using AltseasonLive.LoadTest.Soak;

namespace AltseasonLive.LoadTest.Tests.Soak;

public sealed class ServerStatsReadingTests
{
    [Fact]
    public void Reads_heap_working_set_connections_and_push_counters_at_any_depth()
    {
        const string json = """
            {"atMs":1,"uptimeSeconds":12.5,
             "ticks":{"received":10,"accepted":9,"rejected":1},
             "hub":{"connections":12,"seriesOffered":100,"seriesCoalesced":70,"seriesDropped":3,"clientsDropped":1,
                    "clientDropReasons":{"slow":1},"seriesDroppedPerSecond":0.5},
             "process":{"gcHeapBytes":104857600,"workingSetBytes":314572800,"gen0Collections":4}}
            """;

        var reading = ServerStatsReading.Parse(json);

        Assert.Equal(104857600, reading.GcHeapBytes);
        Assert.Equal(314572800, reading.WorkingSetBytes);
        Assert.Equal(12, reading.Connections);
        Assert.Equal(3, reading.Dropped);
        Assert.Equal(70, reading.Coalesced);
        Assert.Equal(1, reading.ClientsDropped);
    }

    [Fact]
    public void Memory_named_in_mebibytes_is_converted_to_bytes()
    {
        var reading = ServerStatsReading.Parse("""{"gcHeapMiB":2.5,"connections":3}""");

        Assert.Equal(2621440, reading.GcHeapBytes);
        Assert.Equal(3, reading.Connections);
        Assert.Null(reading.WorkingSetBytes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void Missing_or_malformed_stats_read_as_none(string? json)
    {
        Assert.Equal(ServerStatsReading.None, ServerStatsReading.Parse(json));
    }
}
