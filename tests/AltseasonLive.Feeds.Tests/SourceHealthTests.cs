using AltseasonLive.Feeds.Live;
using Microsoft.Extensions.Time.Testing;

namespace AltseasonLive.Feeds.Tests;

public sealed class SourceHealthTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_connected_source_silent_beyond_its_limit_reads_stale_and_its_next_message_makes_it_connected_again()
    {
        var health = new SourceHealth("binance", enabled: true, staleAfter: TimeSpan.FromSeconds(30), _time);
        health.MessageReceived();

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(SourceState.Connected, health.Current.State);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        var (state, reason) = health.Current;
        Assert.Equal(SourceState.Stale, state);
        Assert.Equal("no message for more than 30 s", reason);

        health.MessageReceived();
        Assert.Equal(SourceState.Connected, health.Current.State);
    }

    [Fact]
    public void A_source_that_is_not_connected_keeps_its_own_state_however_long_it_is_silent()
    {
        var health = new SourceHealth("yahoo", enabled: true, staleAfter: TimeSpan.FromSeconds(5), _time);
        health.MessageReceived();
        health.Reconnecting("socket closed");

        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal((SourceState.Reconnecting, "socket closed"), health.Current);
        Assert.Equal(SourceState.Disabled, new SourceHealth("coinbase", enabled: false, TimeSpan.FromSeconds(5), _time).Current.State);
    }

    [Fact]
    public void The_message_rate_averages_the_last_ten_full_seconds()
    {
        var health = new SourceHealth("binance", enabled: true, staleAfter: TimeSpan.FromSeconds(30), _time);
        for (var second = 0; second < 10; second++)
        {
            for (var i = 0; i < 5; i++)
            {
                health.MessageReceived();
            }

            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(5, health.MessagesPerSecond);
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(0, health.MessagesPerSecond);
    }
}
