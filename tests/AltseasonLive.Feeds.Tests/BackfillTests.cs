using System.Collections.Concurrent;
using AltseasonLive.Feeds.Hosting;
using AltseasonLive.Feeds.Live;
using AltseasonLive.Feeds.Tests.Fakes;
using AltseasonLive.Grains.Interfaces.Ticks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AltseasonLive.Feeds.Tests;

public sealed class BackfillTests
{
    private static long Day(int year, int month, int day) => new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private sealed class MemoryCache : IBackfillCache
    {
        public ConcurrentDictionary<string, IReadOnlyList<Tick>> Saved { get; } = new();

        public Task<IReadOnlyList<Tick>> LoadAsync(string source, CancellationToken cancellationToken) =>
            Task.FromResult(Saved.TryGetValue(source, out var t) ? t : []);

        public Task SaveAsync(string source, IReadOnlyList<Tick> ticks, CancellationToken cancellationToken)
        {
            Saved[source] = ticks;
            return Task.CompletedTask;
        }
    }

    private static async Task<(CollectingSink Sink, BackfillReport Report)> RunLiveAsync(FakeStreamServer fake, MemoryCache cache)
    {
        var settings = LiveSourcesHost.SafeDefaults();
        settings["Feeds:Mode"] = "Live";
        settings["Feeds:Replay:From"] = "2026-04-15";
        settings["Feeds:Replay:To"] = "2026-04-15";
        settings["Feeds:Replay:IncludeCoins"] = "false";
        settings["Feeds:Live:Binance:Enabled"] = "true";
        settings["Feeds:Live:Binance:WebSocketUrl"] = fake.StreamUrl.ToString();
        settings["Feeds:Live:Binance:RestUrl"] = fake.BaseAddress.ToString();
        settings["Feeds:Live:Binance:Symbols:BTCUSDT"] = "BTC";
        var sink = new CollectingSink();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<ITickSink>(sink);
        builder.Services.AddSingleton<IBackfillCache>(cache);
        builder.Services.AddAltseasonFeeds(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var status = host.Services.GetRequiredService<BackfillStatus>();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (status.Reports is null && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            return (sink, Assert.Single(status.Reports!));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Live_start_backfills_the_days_after_the_replay_from_rest_caches_them_and_a_restart_takes_them_from_the_cache()
    {
        var starts = new ConcurrentQueue<long>();
        await using var fake = await FakeStreamServer.StartAsync(app => app.MapGet("/api/v3/klines", (HttpRequest r) =>
        {
            if (r.Query["interval"] != "1d")
            {
                return Results.Text("[]", "application/json");
            }

            var start = long.Parse(r.Query["startTime"]!);
            starts.Enqueue(start);
            (long, double)[] days = [(Day(2026, 4, 16), 84000), (Day(2026, 4, 17), 85000), (Day(2026, 4, 18), 86000)];
            return Results.Text(BinancePayloads.KlineRows(86_400_000, [.. days.Where(d => d.Item1 >= start)]), "application/json");
        }));
        var cache = new MemoryCache();

        var (first, report) = await RunLiveAsync(fake, cache);
        Assert.Equal(Day(2026, 4, 16), starts.Single());
        var btc = first.Ticks.Where(t => t.Symbol == "BTC").ToArray();
        Assert.Equal([84000, 85000, 86000], btc.Select(t => t.Price).ToArray());
        Assert.Equal([Day(2026, 4, 16), Day(2026, 4, 17), Day(2026, 4, 18)], btc.Select(t => t.TimeMs).ToArray());
        Assert.All(btc, t => Assert.Equal("binance", t.Source));
        Assert.Equal(3, report.Ticks);
        Assert.Equal(new DateOnly(2026, 4, 16), report.From);
        Assert.Equal(3, cache.Saved["binance"].Count);

        var (second, again) = await RunLiveAsync(fake, cache);
        Assert.Equal(Day(2026, 4, 19), starts.Last());
        Assert.Equal([84000, 85000, 86000], second.Ticks.Where(t => t.Symbol == "BTC").Select(t => t.Price).ToArray());
        Assert.Equal(3, again.CachedTicks);
        Assert.Equal(0, again.Ticks);
    }
}
