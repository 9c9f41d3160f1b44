using AltseasonLive.Api.Push;
using AltseasonLive.Api.Tests.Infrastructure;

namespace AltseasonLive.Api.Tests.Telemetry;

/// <summary>The in-process view that <c>GET /api/stats</c> reads: the same instruments as <c>/metrics</c>, of this host only.</summary>
public sealed class MetricsViewTests
{
    [Fact]
    public void Counters_recorded_on_the_push_instruments_are_summed_since_start_and_per_tag()
    {
        using var metrics = new TestMetrics();
        metrics.Push.AddSeriesOffered(3);
        metrics.Push.AddSeriesOffered(4);
        metrics.Push.AddEventsHeldBack(2);
        metrics.Push.AddEventsRefetched(5);
        metrics.Push.AddEventsOutOfOrder(1);
        metrics.Push.RecordClientDropped("buffer-full");
        metrics.Push.RecordClientDropped("buffer-full");
        metrics.Push.RecordClientDropped("send-timeout");
        metrics.Push.RecordSent(HubMethods.Series, 0);

        Assert.Equal(7, metrics.View.Total(PushCounters.SeriesOfferedName));
        Assert.Equal(2, metrics.View.Total(PushCounters.EventsHeldBackName));
        Assert.Equal(5, metrics.View.Total(PushCounters.EventsRefetchedName));
        Assert.Equal(1, metrics.View.Total(PushCounters.EventsOutOfOrderName));
        Assert.Equal(3, metrics.View.Total(PushCounters.ClientsDroppedName));
        Assert.Equal(new Dictionary<string, long> { ["buffer-full"] = 2, ["send-timeout"] = 1 }, metrics.View.TotalsByTag(PushCounters.ClientsDroppedName));
        Assert.Equal(1, metrics.View.TotalsByTag(PushCounters.MessagesSentName)[HubMethods.Series]);
    }

    [Fact]
    public void A_histogram_window_holds_count_mean_and_max_since_the_previous_take()
    {
        using var metrics = new TestMetrics();
        metrics.Push.RecordFlush(values: 4, priceValues: 2, totalAgeMs: 30, maxAgeMs: 20);
        metrics.Push.RecordFlush(values: 1, priceValues: 1, totalAgeMs: 45, maxAgeMs: 45);

        var window = metrics.View.TakeWindow(PushCounters.FlushAgeName);
        Assert.Equal(2, window.Count);
        Assert.Equal(30, window.Mean, 6);
        Assert.Equal(45, window.Max, 6);
        Assert.Equal(5, metrics.View.Total(PushCounters.SeriesFlushedName));
        Assert.Equal(0, metrics.View.TakeWindow(PushCounters.FlushAgeName).Count);
    }

    [Fact]
    public void Measurements_of_another_hosts_instruments_with_the_same_names_are_not_counted()
    {
        using var mine = new TestMetrics();
        using var other = new TestMetrics();
        other.Push.AddSeriesDropped(9);
        mine.Push.AddSeriesDropped(1);

        Assert.Equal(1, mine.View.Total(PushCounters.SeriesDroppedName));
        Assert.Equal(9, other.View.Total(PushCounters.SeriesDroppedName));
    }
}
