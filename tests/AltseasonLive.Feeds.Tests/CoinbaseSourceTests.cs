using AltseasonLive.Feeds.Live.Coinbase;
using AltseasonLive.Feeds.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace AltseasonLive.Feeds.Tests;

public sealed class CoinbaseSourceTests
{
    /// <summary>Advanced Trade messages as documented: channel, RFC 3339 timestamp (nanoseconds), sequence_num, events.</summary>
    private static string Ticker(long sequence, string product, string price) =>
        "{\"channel\":\"ticker\",\"client_id\":\"\",\"timestamp\":\"2026-12-01T20:30:37.167359596Z\",\"sequence_num\":" + sequence
        + ",\"events\":[{\"type\":\"update\",\"tickers\":[{\"type\":\"ticker\",\"product_id\":\"" + product + "\",\"price\":\"" + price
        + "\",\"volume_24_h\":\"1000\",\"low_24_h\":\"1\",\"high_24_h\":\"2\",\"low_52_w\":\"1\",\"high_52_w\":\"2\",\"price_percent_chg_24_h\":\"0.5\"}]}]}";

    private static string Heartbeat(long sequence) =>
        "{\"channel\":\"heartbeats\",\"client_id\":\"\",\"timestamp\":\"2026-12-01T20:30:38.000000000Z\",\"sequence_num\":" + sequence
        + ",\"events\":[{\"current_time\":\"2026-12-01 20:30:38.0 +0000 UTC\",\"heartbeat_counter\":\"3049\"}]}";

    private static readonly long At = new DateTimeOffset(2026, 12, 1, 20, 30, 37, 167, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static Dictionary<string, string?> Settings(FakeStreamServer fake) => new()
    {
        ["Feeds:Live:Coinbase:Enabled"] = "true",
        ["Feeds:Live:Coinbase:WebSocketUrl"] = fake.StreamUrl.ToString(),
        ["Feeds:Live:Coinbase:Products:BTC-USD"] = "BTC",
        ["Feeds:Live:Coinbase:ReconnectInitial"] = "00:00:00.020",
        ["Feeds:Live:Coinbase:ReconnectCap"] = "00:00:00.100",
    };

    [Fact]
    public async Task Subscribes_to_ticker_and_heartbeats_and_publishes_ticker_prices_as_coinbase_ticks()
    {
        await using var fake = await FakeStreamServer.StartAsync();
        using var services = LiveSourcesHost.Build(Settings(fake));
        var source = services.GetRequiredService<CoinbaseSource>();
        var sink = new CollectingSink();
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(sink, stop.Token);

        var connection = await fake.NextConnectionAsync();
        await connection.WaitForMessagesAsync(2);
        Assert.Contains(connection.Received, m => m.Contains("\"channel\":\"ticker\"") && m.Contains("BTC-USD"));
        Assert.Contains(connection.Received, m => m.Contains("\"channel\":\"heartbeats\""));
        await connection.SendAsync(Heartbeat(0));
        await connection.SendAsync(Ticker(1, "BTC-USD", "91234.56"));
        await sink.WaitUntilAsync(t => t.Count == 1, "the ticker tick");

        Assert.Equal(new("BTC", At, 91234.56, Source: "coinbase"), sink.Ticks.Single());
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task A_sequence_gap_reconnects_and_resubscribes()
    {
        await using var fake = await FakeStreamServer.StartAsync();
        using var services = LiveSourcesHost.Build(Settings(fake));
        var source = services.GetRequiredService<CoinbaseSource>();
        var sink = new CollectingSink();
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(sink, stop.Token);

        var first = await fake.NextConnectionAsync();
        await first.SendAsync(Ticker(0, "BTC-USD", "100"));
        await first.SendAsync(Heartbeat(1));
        await first.SendAsync(Ticker(5, "BTC-USD", "105"));

        var second = await fake.NextConnectionAsync();
        await second.WaitForMessagesAsync(2);
        await second.SendAsync(Ticker(0, "BTC-USD", "106"));
        await sink.WaitUntilAsync(t => t.Count == 2, "the tick on the new connection");

        Assert.Equal([100, 106], sink.Ticks.Select(t => t.Price).ToArray());
        Assert.Equal(1, source.SequenceGaps);
        Assert.Equal(1, source.Health.Reconnects);
        await stop.CancelAsync();
        await run;
    }
}
