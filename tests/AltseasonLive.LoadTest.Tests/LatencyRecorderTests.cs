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
    public async Task Concurrent_writers_lose_no_value_and_intervals_stay_readable()
    {
        const int writers = 4;
        const int perWriter = 1_000_000;
        var recorder = new LatencyRecorder();
        using var stop = new CancellationTokenSource();
        long intervalCount = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                intervalCount += recorder.TakeInterval().Count;
            }
        });

        using var start = new Barrier(writers);
        var threads = Enumerable.Range(0, writers).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < perWriter; i++)
            {
                recorder.Record(1_000 + (i % 5_000));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        stop.Cancel();
        await reader;

        var total = recorder.Total();
        Assert.Equal((long)writers * perWriter, total.Count);
        Assert.InRange(intervalCount, 0, total.Count);
        Assert.InRange(total.P999Ms, 1, 6.1);
    }

    [Fact]
    public void Empty_summary_is_all_zero() =>
        Assert.Equal(LatencySummary.Empty, new LatencyRecorder().Total());
}
