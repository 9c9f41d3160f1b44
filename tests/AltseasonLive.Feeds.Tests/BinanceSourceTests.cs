using System.Collections.Concurrent;
using AltseasonLive.Feeds.Live;
using AltseasonLive.Feeds.Live.Binance;
using AltseasonLive.Feeds.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AltseasonLive.Feeds.Tests;

public sealed class BinanceSourceTests
{
    private static readonly long Minute0 = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 60_000 - 10) * 60_000;

    private static Dictionary<string, string?> Settings(FakeStreamServer fake, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Feeds:Live:Binance:Enabled"] = "true",
            ["Feeds:Live:Binance:WebSocketUrl"] = fake.StreamUrl.ToString(),
            ["Feeds:Live:Binance:RestUrl"] = fake.BaseAddress.ToString(),
            ["Feeds:Live:Binance:Symbols:BTCUSDT"] = "BTC",
            ["Feeds:Live:Binance:Symbols:ETHUSDT"] = "ETH",
            ["Feeds:Live:Binance:ReconnectInitial"] = "00:00:00.020",
            ["Feeds:Live:Binance:ReconnectCap"] = "00:00:00.100",
            ["Feeds:Live:Binance:IdleTimeout"] = "00:00:10",
            ["Feeds:Live:Binance:StaleAfter"] = "00:00:10",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static (BinanceSource Source, Task Run, CancellationTokenSource Stop, CollectingSink Sink, ServiceProvider Services) Start(
        Dictionary<string, string?> settings)
    {
        var services = LiveSourcesHost.Build(settings);
        var source = services.GetRequiredService<BinanceSource>();
        var sink = new CollectingSink();
        var stop = new CancellationTokenSource();
        return (source, source.RunAsync(sink, stop.Token), stop, sink, services);
    }

    [Fact]
    public async Task Subscribes_to_the_mapped_kline_streams_and_publishes_each_update_as_a_binance_tick_with_the_fakes_price()
    {
        await using var fake = await FakeStreamServer.StartAsync();
        var (source, run, stop, sink, services) = Start(Settings(fake));
        using (services)
        using (stop)
        {
            var connection = await fake.NextConnectionAsync();
            await connection.WaitForMessagesAsync(1);
            var subscribe = connection.Received.Single();
            Assert.Contains("\"method\":\"SUBSCRIBE\"", subscribe);
            Assert.Contains("btcusdt@kline_1m", subscribe);
            Assert.Contains("ethusdt@kline_1m", subscribe);

            await connection.SendAsync(BinancePayloads.SubscribeAck(1));
            await connection.SendAsync(BinancePayloads.Kline("BTCUSDT", Minute0, 91234.5, Minute0 + 1_000));
            await connection.SendAsync(BinancePayloads.Kline("ETHUSDT", Minute0, 3012.25, Minute0 + 2_000));
            await sink.WaitUntilAsync(t => t.Count == 2, "two ticks");

            Assert.Equal(
                [new("BTC", Minute0 + 1_000, 91234.5, Source: "binance"), new("ETH", Minute0 + 2_000, 3012.25, Source: "binance")],
                sink.Ticks.ToArray());
            Assert.Equal(SourceState.Connected, source.Health.Current.State);
            Assert.Equal(0, source.Health.Reconnects);
            await stop.CancelAsync();
            await run;
        }
    }

    [Fact]
    public async Task A_malformed_message_is_skipped_and_counted_and_the_connection_keeps_going()
    {
        await using var fake = await FakeStreamServer.StartAsync();
        var (source, run, stop, sink, services) = Start(Settings(fake));
        using (services)
        using (stop)
        {
            var connection = await fake.NextConnectionAsync();
            await connection.SendAsync("{not json");
            await connection.SendAsync("""{"stream":"btcusdt@kline_1m","data":{"e":"kline","E":1,"s":"BTCUSDT","k":{"t":1,"c":"-5"}}}""");
            await connection.SendAsync("""{"stream":"btcusdt@kline_1m","data":{"e":"somethingElse"}}""");
            await connection.SendAsync(BinancePayloads.Kline("BTCUSDT", Minute0, 90000, Minute0 + 5));
            await sink.WaitUntilAsync(t => t.Count == 1, "the valid tick after the malformed ones");

            Assert.Equal(90000, sink.Ticks.Single().Price);
            Assert.Equal(3, source.Health.Malformed);
            Assert.Equal(1, fake.ConnectionCount);
            Assert.Equal(0, source.Health.Reconnects);
            await stop.CancelAsync();
            await run;
        }
    }

    [Fact]
    public async Task A_dropped_connection_reconnects_resubscribes_and_backfills_the_gap_over_rest_so_no_bar_is_missing()
    {
        var restQueries = new ConcurrentQueue<string>();
        await using var fake = await FakeStreamServer.StartAsync(app => app.MapGet("/api/v3/klines", (HttpRequest request) =>
        {
            restQueries.Enqueue(request.QueryString.Value ?? "");
            // The bars the client missed while disconnected, from the open time it asks for.
            return request.Query["symbol"] == "BTCUSDT" && request.Query["interval"] == "1m" && request.Query["startTime"] == Minute0.ToString()
                ? Results.Text(BinancePayloads.KlineRows(60_000, (Minute0, 101), (Minute0 + 60_000, 102), (Minute0 + 120_000, 103)), "application/json")
                : Results.Text("[]", "application/json");
        }));
        var (source, run, stop, sink, services) = Start(Settings(fake));
        using (services)
        using (stop)
        {
            var first = await fake.NextConnectionAsync();
            await first.SendAsync(BinancePayloads.Kline("BTCUSDT", Minute0, 100, Minute0 + 1_000));
            await sink.WaitUntilAsync(t => t.Count == 1, "the first live tick");
            first.Drop();

            var second = await fake.NextConnectionAsync();
            await second.WaitForMessagesAsync(1);
            Assert.Contains("btcusdt@kline_1m", second.Received.Single());
            await sink.WaitUntilAsync(t => t.Count == 4, "the backfilled bars");
            await second.SendAsync(BinancePayloads.Kline("BTCUSDT", Minute0 + 180_000, 104, Minute0 + 181_000));
            await sink.WaitUntilAsync(t => t.Count == 5, "the live tick after the reconnect");

            Assert.Equal([100, 101, 102, 103, 104], sink.Ticks.Select(t => t.Price).ToArray());
            var minutes = sink.Ticks.Select(t => (t.TimeMs - Minute0) / 60_000).Distinct().Order().ToArray();
            Assert.Equal([0, 1, 2, 3], minutes);
            Assert.All(sink.Ticks, t => Assert.Equal("binance", t.Source));
            Assert.Contains(restQueries, q => q.Contains($"startTime={Minute0}"));
            Assert.Equal(1, source.Health.Reconnects);
            Assert.Equal(1, source.Health.GapsBackfilled);
            await stop.CancelAsync();
            await run;
        }
    }

    [Fact]
    public async Task Server_pings_are_answered_with_pongs_so_the_server_keeps_the_connection()
    {
        // The fake pings every 100 ms and drops a client that has not answered within 2 s (tight limits flaked on a
        // loaded 2-core machine); 6 s of pings are 60 chances to miss one.
        await using var fake = await FakeStreamServer.StartAsync(pingEvery: TimeSpan.FromMilliseconds(100), pongTimeout: TimeSpan.FromSeconds(2));
        var (source, run, stop, sink, services) = Start(Settings(fake));
        using (services)
        using (stop)
        {
            var connection = await fake.NextConnectionAsync();
            await Task.Delay(6_000);
            Assert.False(connection.Closed.IsCompleted, "the server dropped the client: no pong");
            await connection.SendAsync(BinancePayloads.Kline("BTCUSDT", Minute0, 95000, Minute0 + 1));
            await sink.WaitUntilAsync(t => t.Count == 1, "a tick on the pinged connection");
            Assert.Equal(1, fake.ConnectionCount);
            await stop.CancelAsync();
            await run;
        }
    }

    [Fact]
    public async Task Server_shutdown_makes_the_source_reconnect_and_resubscribe_at_once()
    {
        await using var fake = await FakeStreamServer.StartAsync();
        var (source, run, stop, sink, services) = Start(Settings(fake));
        using (services)
        using (stop)
        {
            var first = await fake.NextConnectionAsync();
            await first.SendAsync(BinancePayloads.ServerShutdown);
            var second = await fake.NextConnectionAsync();
            await second.WaitForMessagesAsync(1);
            Assert.Contains("SUBSCRIBE", second.Received.Single());
            await first.Closed.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Equal(1, source.Health.Reconnects);
            await stop.CancelAsync();
            await run;
        }
    }

    [Fact]
    public async Task A_silent_source_is_marked_stale_and_recovers_with_the_next_message()
    {
        await using var fake = await FakeStreamServer.StartAsync();
        var (source, run, stop, sink, services) = Start(Settings(fake, ("Feeds:Live:Binance:StaleAfter", "00:00:00.300")));
        using (services)
        using (stop)
        {
            var connection = await fake.NextConnectionAsync();
            await connection.SendAsync(BinancePayloads.Kline("BTCUSDT", Minute0, 95000, Minute0 + 1));
            await sink.WaitUntilAsync(t => t.Count == 1, "the first tick");
            Assert.Equal(SourceState.Connected, source.Health.Current.State);

            await Task.Delay(600);
            Assert.Equal(SourceState.Stale, source.Health.Current.State);

            await connection.SendAsync(BinancePayloads.Kline("BTCUSDT", Minute0, 95001, Minute0 + 2));
            await sink.WaitUntilAsync(t => t.Count == 2, "the recovering tick");
            Assert.Equal(SourceState.Connected, source.Health.Current.State);
            await stop.CancelAsync();
            await run;
        }
    }

    [Fact]
    public async Task The_idle_watchdog_reconnects_a_connection_that_went_silent()
    {
        await using var fake = await FakeStreamServer.StartAsync();
        var (source, run, stop, sink, services) = Start(Settings(fake, ("Feeds:Live:Binance:IdleTimeout", "00:00:00.300")));
        using (services)
        using (stop)
        {
            var first = await fake.NextConnectionAsync();
            var second = await fake.NextConnectionAsync();
            await second.WaitForMessagesAsync(1);
            Assert.True(source.Health.Reconnects >= 1);
            Assert.Contains("no message", source.Health.Current.Reason ?? "");
            await stop.CancelAsync();
            await run;
        }
    }
}
