using AltseasonLive.Feeds.Hosting;
using AltseasonLive.Feeds.Live;
using AltseasonLive.Feeds.Live.Binance;
using AltseasonLive.Feeds.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AltseasonLive.Feeds.Tests;

public sealed class FeedModeTests
{
    private static IHost BuildHost(Dictionary<string, string?> settings, CollectingSink sink)
    {
        var merged = LiveSourcesHost.SafeDefaults();
        merged["Feeds:Replay:Enabled"] = "false";
        merged["Feeds:Synthetic:DayInterval"] = "00:00:00.010";
        merged["Feeds:Synthetic:TicksPerDay"] = "2";
        merged["Feeds:Synthetic:Coins"] = "2";
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(merged);
        builder.Services.AddSingleton<ITickSink>(sink);
        builder.Services.AddAltseasonFeeds(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task Auto_with_no_live_source_reachable_runs_the_demo_and_says_so()
    {
        var sink = new CollectingSink();
        using var host = BuildHost(new()
        {
            ["Feeds:Mode"] = "Auto",
            ["Feeds:AutoFallbackAfter"] = "00:00:00.500",
            ["Feeds:Live:Binance:Enabled"] = "true",
            ["Feeds:Live:Binance:ReconnectInitial"] = "00:00:00.050",
        }, sink);
        await host.StartAsync();
        try
        {
            var decision = host.Services.GetRequiredService<FeedModeDecision>();
            var state = await decision.Decided.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal(FeedMode.Demo, state.Mode);
            Assert.True(state.Simulated);
            Assert.Contains("no live source was reachable", state.Reason);
            Assert.Equal(FeedMode.Auto, decision.Requested);

            await sink.WaitUntilAsync(t => t.Count > 0, "demo ticks");
            Assert.All(sink.Ticks, t => Assert.Equal("demo", t.Source));
            var binance = host.Services.GetRequiredService<BinanceSource>();
            Assert.Equal(SourceState.Error, binance.Health.Current.State);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Auto_with_a_reachable_source_goes_live_and_the_values_that_reach_the_sink_are_the_fakes()
    {
        await using var fake = await FakeStreamServer.StartAsync(app =>
            app.MapGet("/api/v3/klines", () => Results.Text("[]", "application/json")));
        var sink = new CollectingSink();
        using var host = BuildHost(new()
        {
            ["Feeds:Mode"] = "Auto",
            ["Feeds:AutoFallbackAfter"] = "00:00:10",
            ["Feeds:Live:Binance:Enabled"] = "true",
            ["Feeds:Live:Binance:WebSocketUrl"] = fake.StreamUrl.ToString(),
            ["Feeds:Live:Binance:RestUrl"] = fake.BaseAddress.ToString(),
            ["Feeds:Live:Binance:Symbols:BTCUSDT"] = "BTC",
        }, sink);
        await host.StartAsync();
        try
        {
            var connection = await fake.NextConnectionAsync();
            await connection.SendAsync(BinancePayloads.SubscribeAck(1));
            var state = await host.Services.GetRequiredService<FeedModeDecision>().Decided.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal(FeedMode.Live, state.Mode);
            Assert.False(state.Simulated);

            // The gate opens once the (empty) backfill is done; keep pushing until the tick gets through.
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (sink.Ticks.Count == 0 && DateTime.UtcNow < deadline)
            {
                await connection.SendAsync(BinancePayloads.Kline("BTCUSDT", now / 60_000 * 60_000, 87654.32, now));
                await Task.Delay(100);
            }

            var tick = Assert.Single(sink.Ticks.Distinct());
            Assert.Equal(new("BTC", now, 87654.32, Source: "binance"), tick);
            Assert.NotNull(host.Services.GetRequiredService<BackfillStatus>().Reports);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Off_runs_no_built_in_feed()
    {
        var sink = new CollectingSink();
        using var host = BuildHost(new() { ["Feeds:Mode"] = "Off", ["Feeds:Replay:Enabled"] = "true" }, sink);
        await host.StartAsync();
        try
        {
            var state = await host.Services.GetRequiredService<FeedModeDecision>().Decided.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal(FeedMode.Off, state.Mode);
            await host.Services.GetRequiredService<ReplayCompletion>().Completed.WaitAsync(TimeSpan.FromSeconds(15));
            await Task.Delay(300);
            Assert.Empty(sink.Ticks);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Theory]
    [InlineData("Feeds:AutoFallbackAfter", "-00:00:01", "AutoFallbackAfter")]
    [InlineData("Feeds:Synthetic:DayInterval", "00:00:00", "Feeds:Synthetic:DayInterval")]
    [InlineData("Feeds:Replay:DayInterval", "2.00:00:00", "Feeds:Replay:DayInterval")]
    [InlineData("Feeds:Replay:SpeedMultiplier", "-1", "SpeedMultiplier")]
    [InlineData("Feeds:Live:Binance:ReconnectCap", "00:00:00", "ReconnectCap")]
    [InlineData("Feeds:Live:CoinGecko:TotalCoins", "0", "TotalCoins")]
    [InlineData("Feeds:Live:Yahoo:PollInterval", "00:00:00", "PollInterval")]
    public async Task An_invalid_feed_setting_stops_the_start_naming_its_key(string key, string value, string named)
    {
        using var host = BuildHost(new() { [key] = value }, new CollectingSink());
        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
        Assert.Contains(named, error.Message);
    }

    [Theory]
    [InlineData("Feeds:Synthetic:DayMilliseconds", "10")]
    [InlineData("Feeds:Replay:DayMilliseconds", "50")]
    public async Task A_retired_milliseconds_feed_key_stops_the_start_instead_of_being_ignored(string key, string value)
    {
        using var host = BuildHost(new() { [key] = value }, new CollectingSink());
        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
        Assert.Contains("DayMilliseconds", error.Message);
    }
}
