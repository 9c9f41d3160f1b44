using System.Net.WebSockets;
using System.Text;
using AltseasonLive.Api.Push;
using AltseasonLive.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace AltseasonLive.Api.Tests.Hubs;

[Collection(HubCollection.Name)]
public sealed class MarketHubTests(HubFixture fixture)
{
    private static SeriesMessage Price(string symbol, double value, long timeMs) =>
        new($"asset:{symbol}", "Price", symbol, timeMs, value, false);

    [Fact]
    public async Task Subscriber_gets_the_snapshot_first_then_updates_of_that_topic_only()
    {
        await using var client = await HubTestClient.ConnectAsync(fixture.Server.BaseAddress);
        fixture.FanOut.PublishSeries([Price("BTC", 41, 1)]);

        Assert.Equal("asset:BTC", await client.SubscribeAsync("asset:btc"));
        fixture.FanOut.PublishSeries([Price("ETH", 7, 2), Price("BTC", 42, 2)]);

        var first = await client.NextAsync();
        Assert.Equal(HubMethods.Snapshot, first.Method);
        Assert.Equal("asset:BTC", first.Topic);

        var second = await client.NextAsync();
        Assert.Equal(HubMethods.Series, second.Method);
        var update = Assert.Single(second.Payload.EnumerateArray());
        Assert.Equal("BTC", update.GetProperty("key").GetString());
        Assert.Equal(42, update.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task One_series_message_per_flush_carries_the_changed_values_of_all_followed_topics()
    {
        await using var client = await HubTestClient.ConnectAsync(fixture.Server.BaseAddress);
        await client.SubscribeAsync("asset:BTC");
        await client.SubscribeAsync("asset:ETH");
        Assert.Equal(HubMethods.Snapshot, (await client.NextAsync()).Method);
        Assert.Equal(HubMethods.Snapshot, (await client.NextAsync()).Method);

        fixture.FanOut.PublishSeries([Price("ETH", 7, 3), Price("RUT", 1, 3), Price("BTC", 43, 3)]);

        var message = await client.NextAsync();
        Assert.Equal(HubMethods.Series, message.Method);
        var keys = message.Payload.EnumerateArray().Select(u => u.GetProperty("key").GetString()).Order().ToList();
        Assert.Equal(["BTC", "ETH"], keys);
    }

    [Fact]
    public async Task Series_updates_are_coalesced_and_the_latest_value_wins()
    {
        const string topic = "pair:RUT|TOTAL3|30|Returns";
        await using var client = await HubTestClient.ConnectAsync(fixture.Server.BaseAddress);
        await client.SubscribeAsync(topic);
        Assert.Equal(HubMethods.Snapshot, (await client.NextAsync()).Method);

        const int updates = 500;
        for (var i = 1; i <= updates; i++)
        {
            fixture.FanOut.PublishSeries([new SeriesMessage(topic, "Correlation", "RUT|TOTAL3|30|Returns", i, i / 1000.0, false)]);
        }

        var messages = await client.ReadUntilAsync(m =>
            m.Method == HubMethods.Series && m.Payload.EnumerateArray().Any(u => u.GetProperty("timeMs").GetInt64() == updates));
        var values = messages.SelectMany(m => m.Payload.EnumerateArray()).Select(u => u.GetProperty("timeMs").GetInt64()).ToList();

        Assert.All(messages, m => Assert.Equal(HubMethods.Series, m.Method));
        Assert.True(values.Count < updates / 2, $"{values.Count} of {updates} updates were sent: not coalesced");
        Assert.Equal(values.Order(), values);
        Assert.Equal(updates, values[^1]);
    }

    [Fact]
    public async Task Events_are_never_coalesced_and_arrive_in_sequence_order()
    {
        await using var client = await HubTestClient.ConnectAsync(fixture.Server.BaseAddress);
        await client.SubscribeAsync("events");
        var snapshot = await client.NextAsync();
        Assert.Equal(HubMethods.Snapshot, snapshot.Method);

        var from = fixture.Market.LastSequence + 1;
        long last = 0;
        for (var i = 0; i < 300; i++)
        {
            last = fixture.PublishEvents(1);
        }

        var messages = await client.ReadUntilAsync(m => m.EventSequences.Contains(last));
        var received = messages.SelectMany(m => m.EventSequences).ToList();
        Assert.Equal(Enumerable.Range((int)from, 300).Select(i => (long)i), received);
        Assert.True(messages.Count < 300, "events should be batched per flush, not sent one message each");
    }

    [Fact]
    public async Task Reconnecting_client_with_its_last_sequence_receives_exactly_the_missed_events()
    {
        long lastSeen;
        await using (var first = await HubTestClient.ConnectAsync(fixture.Server.BaseAddress))
        {
            await first.SubscribeAsync("events");
            Assert.Equal(HubMethods.Snapshot, (await first.NextAsync()).Method);
            lastSeen = fixture.PublishEvents(3);
            await first.ReadUntilAsync(m => m.EventSequences.Contains(lastSeen));
        }

        var missedLast = fixture.PublishEvents(5);

        await using var second = await HubTestClient.ConnectAsync(fixture.Server.BaseAddress);
        await second.SubscribeAsync("events", lastSeen);
        var replay = await second.ReadUntilAsync(m => m.EventSequences.Contains(missedLast));
        Assert.All(replay, m => Assert.Equal(HubMethods.Events, m.Method));
        Assert.Equal(Enumerable.Range((int)lastSeen + 1, 5).Select(i => (long)i), replay.SelectMany(m => m.EventSequences));

        var liveLast = fixture.PublishEvents(2);
        var live = await second.ReadUntilAsync(m => m.EventSequences.Contains(liveLast));
        Assert.Equal([liveLast - 1, liveLast], live.SelectMany(m => m.EventSequences));
    }

    [Fact]
    public async Task Client_away_longer_than_retention_is_told_to_resync_and_gets_a_fresh_snapshot()
    {
        var lastSeen = fixture.PublishEvents(1);
        var newest = fixture.PublishEvents(HubFixture.Retention + 20);

        await using var client = await HubTestClient.ConnectAsync(fixture.Server.BaseAddress);
        await client.SubscribeAsync("events", lastSeen);

        var resync = await client.NextAsync();
        Assert.Equal(HubMethods.Resync, resync.Method);
        Assert.Equal(lastSeen, resync.Payload.GetProperty("requestedAfter").GetInt64());
        Assert.Equal(newest, resync.Payload.GetProperty("latest").GetInt64());

        var snapshot = await client.NextAsync();
        Assert.Equal(HubMethods.Snapshot, snapshot.Method);
        Assert.Equal("events", snapshot.Topic);
        Assert.Equal(newest, snapshot.Payload.GetProperty("sequence").GetInt64());
        Assert.Equal(newest, snapshot.Payload.GetProperty("data").EnumerateArray().Last().GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Stalled_client_is_dropped_while_a_healthy_client_gets_every_event()
    {
        await using var healthy = await HubTestClient.ConnectAsync(fixture.Server.BaseAddress);
        await healthy.SubscribeAsync("events");
        Assert.Equal(HubMethods.Snapshot, (await healthy.NextAsync()).Method);

        var before = fixture.FanOut.ConnectionIds.ToHashSet();
        using var stalled = await StalledHubClient.ConnectAndStopReadingAsync(fixture.Server.BaseAddress, "events");
        var stalledId = await StalledHubClient.WaitForAsync(() => fixture.FanOut.ConnectionIds.Except(before).SingleOrDefault());
        await StalledHubClient.WaitForAsync(() => fixture.FanOut.Find(stalledId)?.IsSubscribed("events") == true ? "yes" : null);

        var first = fixture.Market.LastSequence + 1;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (fixture.FanOut.IsConnected(stalledId) && DateTime.UtcNow < deadline)
        {
            fixture.PublishEvents(20, padding: 16 * 1024);
            await Task.Delay(20);
        }

        Assert.False(fixture.FanOut.IsConnected(stalledId), "the stalled client was never dropped");
        var last = fixture.PublishEvents(1);
        var messages = await healthy.ReadUntilAsync(m => m.EventSequences.Contains(last), TimeSpan.FromSeconds(60));
        Assert.Equal(Enumerable.Range((int)first, (int)(last - first + 1)).Select(i => (long)i), messages.SelectMany(m => m.EventSequences));
        Assert.Equal(HubConnectionState.Connected, healthy.Connection.State);
    }

    [Fact]
    public async Task Unknown_topics_and_too_many_subscriptions_are_refused()
    {
        await using var client = await HubTestClient.ConnectAsync(fixture.Server.BaseAddress);
        await Assert.ThrowsAsync<HubException>(() => client.SubscribeAsync("prices"));
        await Assert.ThrowsAsync<HubException>(() => client.SubscribeAsync("asset:NOPE"));
        await Assert.ThrowsAsync<HubException>(() => client.SubscribeAsync("pair:RUT|TOTAL3|x|Returns"));

        foreach (var symbol in new[] { "A", "B", "C", "D", "E", "F", "G", "H" })
        {
            await client.SubscribeAsync($"asset:{symbol}");
        }

        await Assert.ThrowsAsync<HubException>(() => client.SubscribeAsync("asset:I"));
        Assert.True(await client.Connection.InvokeAsync<bool>("Unsubscribe", "asset:A"));
        await client.SubscribeAsync("asset:I");
    }

    [Fact]
    public async Task Oversized_client_message_closes_the_connection()
    {
        await using var client = await HubTestClient.ConnectAsync(fixture.Server.BaseAddress);
        var closed = new TaskCompletionSource();
        client.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        await Assert.ThrowsAnyAsync<Exception>(() => client.SubscribeAsync("asset:" + new string('X', 8000)));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    /// <summary>Opens a raw WebSocket hub connection, follows events, then never reads again (a frozen browser tab).</summary>
}
