using System.Net.Http.Json;
using System.Text.Json;
using AltseasonLive.Api.Tests.Infrastructure;

namespace AltseasonLive.Api.Tests.Feeds;

/// <summary>Demo data is labelled as such in REST: the sources report, asset and market snapshots, and events.</summary>
public sealed class SourceLabelTests
{
    [Fact]
    public async Task In_demo_mode_sources_report_simulated_and_snapshots_say_history_then_demo()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string>
        {
            ["Feeds:Mode"] = "Demo",
            ["Feeds:Replay:Enabled"] = "true",
            ["Feeds:Replay:From"] = "2026-03-25",
            ["Feeds:Replay:To"] = "2026-03-27",
            ["Feeds:Replay:IncludeCoins"] = "false",
            ["Feeds:Synthetic:Enabled"] = "true",
            ["Feeds:Synthetic:DayInterval"] = "00:00:00.100",
            ["Feeds:Synthetic:TicksPerDay"] = "2",
            ["Feeds:Synthetic:Coins"] = "3",
        });
        using var client = server.CreateClient();

        var sources = await client.GetFromJsonAsync<JsonElement>("/api/sources");
        Assert.Equal("Demo", sources.GetProperty("mode").GetString());
        Assert.Equal("Demo", sources.GetProperty("requestedMode").GetString());
        Assert.True(sources.GetProperty("simulated").GetBoolean());
        var binance = sources.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "binance");
        Assert.Equal("disabled", binance.GetProperty("state").GetString());

        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement rut;
        do
        {
            await Task.Delay(200);
            rut = await client.GetFromJsonAsync<JsonElement>("/api/assets/RUT");
        }
        while (rut.GetProperty("source").GetString() != "demo" && DateTime.UtcNow < deadline);

        Assert.Equal("demo", rut.GetProperty("source").GetString());
        Assert.Equal(rut.GetProperty("lastTimeMs").GetInt64(), rut.GetProperty("asOf").GetInt64());

        var market = await client.GetFromJsonAsync<JsonElement>("/api/market");
        var total3 = market.GetProperty("sources").GetProperty("TOTAL3");
        Assert.Equal("demo", total3.GetProperty("source").GetString());
        Assert.True(total3.GetProperty("asOf").GetInt64() > 0);

        // Events on the replayed (real) days are not simulated; events on synthetic days are.
        var firstSyntheticDay = new DateTimeOffset(2026, 3, 28, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var events = await client.GetFromJsonAsync<JsonElement>("/api/events");
        foreach (var e in events.GetProperty("events").EnumerateArray())
        {
            Assert.Equal(e.GetProperty("timeMs").GetInt64() >= firstSyntheticDay, e.GetProperty("simulated").GetBoolean());
        }
    }
}
