using AltseasonLive.Api.Push;
using AltseasonLive.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AltseasonLive.Api.Tests.Hubs;

/// <summary>The hub's event order on its own: held back, released in order, refetched after the hold time, never dropped.</summary>
public sealed class EventSequencerTests
{
    private static readonly TimeSpan Hold = TimeSpan.FromMilliseconds(250);

    private static HubEvent E(long sequence) => new(sequence, sequence, "AllTimeHigh", $"event {sequence}", new object());

    private static long[] Sequences(EventSequencer sequencer) => [.. sequencer.TakeReady().Select(e => e.Sequence)];

    [Fact]
    public void A_hub_that_sees_n_plus_2_before_n_plus_1_holds_it_and_releases_both_in_order()
    {
        using var metrics = new TestMetrics();
        var sequencer = new EventSequencer(metrics.Push, new FakeTimeProvider());
        sequencer.Start(0);

        Assert.True(sequencer.Offer([E(1)]));
        Assert.Equal([1L], Sequences(sequencer));
        Assert.False(sequencer.Offer([E(3)]));
        Assert.Empty(Sequences(sequencer));
        Assert.Equal(1, metrics.View.Total(PushCounters.EventsHeldBackName));

        Assert.True(sequencer.Offer([E(2)]));
        Assert.Equal([2L, 3L], Sequences(sequencer));
        Assert.Equal(0, sequencer.HeldCount);
    }

    [Fact]
    public void A_gap_that_outlives_the_hold_time_is_refetched_from_the_log_and_nothing_is_released_twice()
    {
        var clock = new FakeTimeProvider();
        using var metrics = new TestMetrics();
        var sequencer = new EventSequencer(metrics.Push, clock);
        sequencer.Start(10);
        sequencer.Offer([E(9), E(10), E(11), E(13), E(14)]);
        Assert.Equal([11L], Sequences(sequencer));

        Assert.False(sequencer.TryBeginRefetch(Hold, out _));
        clock.Advance(Hold);
        Assert.True(sequencer.TryBeginRefetch(Hold, out var after));
        Assert.Equal(11, after);
        Assert.False(sequencer.TryBeginRefetch(Hold, out _));

        // The log answers with everything after 11, including what the hub already holds.
        sequencer.Offer([E(12), E(13), E(14), E(15)], refetched: true);
        Assert.Equal([12L, 13L, 14L, 15L], Sequences(sequencer));
        Assert.Equal(2, metrics.View.Total(PushCounters.EventsRefetchedName));
        sequencer.Offer([E(12), E(15)]);
        Assert.Empty(Sequences(sequencer));
    }

    [Fact]
    public void Events_before_the_start_are_held_then_released_from_the_logs_position()
    {
        using var metrics = new TestMetrics();
        var sequencer = new EventSequencer(metrics.Push, new FakeTimeProvider());
        sequencer.Offer([E(6), E(4), E(5)]);
        Assert.Empty(Sequences(sequencer));
        sequencer.Start(4);
        Assert.Equal([5L, 6L], Sequences(sequencer));
    }

    [Fact]
    public void A_batch_out_of_order_inside_is_counted_and_sent_in_order()
    {
        using var metrics = new TestMetrics();
        var sequencer = new EventSequencer(metrics.Push, new FakeTimeProvider());
        sequencer.Start(0);
        sequencer.Offer([E(1), E(3), E(2)]);
        Assert.Equal([1L, 2L, 3L], Sequences(sequencer));
        Assert.Equal(1, metrics.View.Total(PushCounters.EventsOutOfOrderName));
    }
}
