using System.Net.Http.Json;
using System.Text.Json;
using AltseasonLive.Api.Tests.Infrastructure;
using AltseasonLive.Feeds.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AltseasonLive.Api.Tests.Feeds;

/// <summary>The product in live mode against a local fake exchange: the fake's price reaches the grains, labelled.</summary>
public sealed class LiveFeedTests
{
    [Fact]
    public async Task In_live_mode_the_fake_exchanges_price_reaches_the_asset_snapshot_labelled_binance()
    {
        await using var fake = await FakeStreamServer.StartAsync(app =>
            app.MapGet("/api/v3/klines", () => Results.Text("[]", "application/json")));
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string>
        {
            ["Feeds:Mode"] = "Live",
            ["Feeds:Live:Binance:Enabled"] = "true",
            ["Feeds:Live:Binance:WebSocketUrl"] = fake.StreamUrl.ToString(),
            ["Feeds:Live:Binance:RestUrl"] = fake.BaseAddress.ToString(),
            ["Feeds:Live:Binance:Symbols:BTCUSDT"] = "BTC",
            ["Feeds:Live:CoinGecko:Enabled"] = "false",
            ["Feeds:Live:CoinGecko:Url"] = "http://127.0.0.1:9/",
            ["Feeds:Live:Yahoo:Enabled"] = "false",
            ["Feeds:Live:Yahoo:Url"] = "http://127.0.0.1:9/",
            ["Feeds:Live:Coinbase:Enabled"] = "false",
            ["Feeds:Live:Coinbase:WebSocketUrl"] = "ws://127.0.0.1:9/",
        });
        using var client = server.CreateClient();
        var connection = await fake.NextConnectionAsync();

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement btc;
        do
        {
            // Until the backfill is done the live gate is closed; the exchange keeps sending, as a real one does.
            await connection.SendAsync(BinancePayloads.Kline("BTCUSDT", now / 60_000 * 60_000, 97531.25, now));
            await Task.Delay(200);
            btc = await client.GetFromJsonAsync<JsonElement>("/api/assets/BTC");
        }
        while (btc.GetProperty("lastPrice").ValueKind != JsonValueKind.Number && DateTime.UtcNow < deadline);

        Assert.Equal(97531.25, btc.GetProperty("lastPrice").GetDouble());
        Assert.Equal("binance", btc.GetProperty("source").GetString());
        Assert.Equal(now, btc.GetProperty("asOf").GetInt64());

        var sources = await client.GetFromJsonAsync<JsonElement>("/api/sources");
        Assert.Equal("Live", sources.GetProperty("mode").GetString());
        Assert.False(sources.GetProperty("simulated").GetBoolean());
        var binance = sources.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "binance");
        Assert.Equal("connected", binance.GetProperty("state").GetString());
        Assert.True(binance.GetProperty("lastMessage").GetInt64() > 0);
        Assert.True(sources.GetProperty("backfill").GetProperty("done").GetBoolean());
    }
}
