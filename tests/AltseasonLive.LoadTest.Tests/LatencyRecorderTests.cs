using AltseasonLive.LoadTest.Load;

namespace AltseasonLive.LoadTest.Tests;

public sealed class LatencyRecorderTests
{
    [Fact]
    public void Percentiles_are_in_milliseconds_within_histogram_precision()
    {
        var recorder = new LatencyRecorder();
        for (var ms = 1; ms <= 1000; ms++)
        {
            recorder.Record(ms * 1000L);
        }

        var total = recorder.Total();

        Assert.Equal(1000, total.Count);
        Assert.InRange(total.P50Ms, 499, 501);
        Assert.InRange(total.P99Ms, 989, 991);
        Assert.InRange(total.P999Ms, 998, 1001);
        Assert.InRange(total.MaxMs, 999, 1001);
    }

    [Fact]
    public void Intervals_add_up_to_the_total_and_reset_forgets_the_warmup()
    {
        var recorder = new LatencyRecorder();
        recorder.Record(5_000);
        recorder.Reset();
        recorder.Record(10_000);
        var first = recorder.TakeInterval();
        recorder.Record(20_000);

        var total = recorder.Total();

        Assert.Equal(1, first.Count);
        Assert.Equal(2, total.Count);
        Assert.InRange(total.MaxMs, 19.9, 20.1);
    }

    [Fact]
    public void Values_outside_the_range_are_counted_apart()
    {
        var recorder = new LatencyRecorder();
        recorder.Record(-5);
        recorder.Record(LatencyRecorder.HighestMicroseconds + 1);
        recorder.Record(1_000);

        Assert.Equal(2, recorder.OutOfRange);
        Assert.Equal(1, recorder.Total().Count);
    }

    [Fact]
    public void Empty_summary_is_all_zero() =>
        Assert.Equal(LatencySummary.Empty, new LatencyRecorder().Total());
}
