using AltseasonLive.LoadTest.Load;

namespace AltseasonLive.LoadTest.Tests;

public sealed class RatePacerTests
{
    [Fact]
    public void Due_count_grows_with_elapsed_time_at_the_rate()
    {
        var pacer = new RatePacer(1000);

        Assert.Equal(0, pacer.DueBy(TimeSpan.Zero));
        Assert.Equal(250, pacer.DueBy(TimeSpan.FromMilliseconds(250)));
        Assert.Equal(TimeSpan.FromSeconds(2), pacer.DueAt(2000));
    }

    [Fact]
    public void Waits_for_a_full_batch_when_it_falls_due_within_the_linger_time()
    {
        var pacer = new RatePacer(10_000);

        var wait = pacer.Wait(TimeSpan.Zero, sent: 0, batch: 100, lastSend: TimeSpan.Zero, linger: TimeSpan.FromMilliseconds(20));

        Assert.Equal(TimeSpan.FromMilliseconds(10), wait);
    }

    [Fact]
    public void Sends_a_partial_batch_at_the_end_of_the_linger_time_at_low_rates()
    {
        var pacer = new RatePacer(100);

        var wait = pacer.Wait(TimeSpan.FromMilliseconds(5), sent: 0, batch: 500, lastSend: TimeSpan.Zero, linger: TimeSpan.FromMilliseconds(20));

        Assert.Equal(TimeSpan.FromMilliseconds(15), wait);
    }

    [Fact]
    public void Does_not_wait_when_behind()
    {
        var pacer = new RatePacer(1000);

        Assert.Equal(TimeSpan.Zero, pacer.Wait(TimeSpan.FromSeconds(5), sent: 100, batch: 50, lastSend: TimeSpan.FromSeconds(5), linger: TimeSpan.FromMilliseconds(20)));
    }

    [Fact]
    public void Rejects_a_non_positive_rate() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RatePacer(0));
}
