using System.Collections.Concurrent;
using AltseasonLive.Feeds.Live;
using AltseasonLive.Feeds.Live.CoinGecko;
using AltseasonLive.Feeds.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AltseasonLive.Feeds.Tests;

public sealed class CoinGeckoSourceTests
{
    private static readonly (string, string, double, double, double)[] Coins =
    [
        ("bitcoin", "btc", 90000, 1_800e9, 20e6),
        ("ethereum", "eth", 3000, 360e9, 120e6),
        ("tether", "usdt", 1, 180e9, 180e9),
        ("solana", "sol", 150, 80e9, 533e6),
        ("some-small-coin", "ssc", 2, 10e9, 5e9),
    ];

    private static Dictionary<string, string?> Settings(FakeStreamServer fake, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Feeds:Live:CoinGecko:Enabled"] = "true",
            ["Feeds:Live:CoinGecko:Url"] = fake.BaseAddress + "api/v3/",
            ["Feeds:Live:CoinGecko:TotalCoins"] = "4",
            ["Feeds:Live:CoinGecko:PollInterval"] = "00:00:00.100",
            ["Feeds:Live:CoinGecko:RetryInitial"] = "00:00:05",
            ["Feeds:Live:CoinGecko:RetryCap"] = "00:00:10",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public void Total_is_the_top_n_caps_and_the_dominances_are_shares_of_it_as_tradingview_defines_them()
    {
        var values = CoinGeckoComposites.Compute([("bitcoin", 600), ("ethereum", 200), ("tether", 100), ("x", 50), ("y", 50)], totalCoins: 4);

        Assert.NotNull(values);
        Assert.Equal(950, values.Total);
        Assert.Equal(350, values.Total2);
        Assert.Equal(150, values.Total3);
        Assert.Equal(100 * 600 / 950.0, values.BtcDominance, 12);
        Assert.Equal(100 * 200 / 950.0, values.EthDominance, 12);
        Assert.Equal(100 * 100 / 950.0, values.UsdtDominance!.Value, 12);
    }

    [Fact]
    public async Task A_poll_publishes_each_mapped_coins_price_and_cap_and_the_composites_with_the_api_key_header()
    {
        var keys = new ConcurrentQueue<string?>();
        await using var fake = await FakeStreamServer.StartAsync(app =>
        {
            app.MapGet("/api/v3/coins/markets", (HttpRequest r) =>
            {
                keys.Enqueue(r.Headers["x-cg-demo-api-key"].FirstOrDefault());
                return Results.Text(CoinGeckoPayloads.Markets(Coins), "application/json");
            });
            app.MapGet("/api/v3/global", () => Results.Text(CoinGeckoPayloads.Global(3.1e12, 57.5, 11.6, 5.8), "application/json"));
        });
        using var services = LiveSourcesHost.Build(Settings(fake, ("Feeds:Live:CoinGecko:ApiKey", "demo-key")));
        var source = services.GetRequiredService<CoinGeckoSource>();
        var sink = new CollectingSink();

        await source.PollAsync(sink, CancellationToken.None);

        var ticks = sink.Ticks.ToDictionary(t => t.Symbol);
        Assert.Equal(90000, ticks["BTC"].Price);
        Assert.Equal(1_800e9, ticks["BTC"].MarketCap);
        Assert.Equal(20e6, ticks["BTC"].Supply);
        Assert.Equal(150, ticks["SOL"].Price);
        Assert.False(ticks.ContainsKey("SSC"));
        var total = 1_800e9 + 360e9 + 180e9 + 80e9;
        Assert.Equal(total, ticks["TOTAL"].Price);
        Assert.Equal(total - 1_800e9, ticks["TOTAL2"].Price);
        Assert.Equal(total - 1_800e9 - 360e9, ticks["TOTAL3"].Price);
        Assert.Equal(100 * 1_800e9 / total, ticks["BTC.D"].Price, 9);
        Assert.Equal(100 * 180e9 / total, ticks["USDT.D"].Price, 9);
        Assert.All(sink.Ticks, t => Assert.Equal("coingecko", t.Source));
        Assert.Equal("demo-key", Assert.Single(keys));
        Assert.Equal(57.5, source.CrossCheck?.BtcDominance);
    }

    [Fact]
    public async Task A_429_waits_the_servers_retry_after_before_polling_again()
    {
        var requests = new ConcurrentQueue<DateTime>();
        await using var fake = await FakeStreamServer.StartAsync(app =>
        {
            app.MapGet("/api/v3/coins/markets", (HttpResponse response) =>
            {
                requests.Enqueue(DateTime.UtcNow);
                if (requests.Count == 1)
                {
                    response.Headers.RetryAfter = "1";
                    return Results.StatusCode(StatusCodes.Status429TooManyRequests);
                }

                return Results.Text(CoinGeckoPayloads.Markets(Coins), "application/json");
            });
            app.MapGet("/api/v3/global", () => Results.Text(CoinGeckoPayloads.Global(3.1e12, 57.5, 11.6, 5.8), "application/json"));
        });
        using var services = LiveSourcesHost.Build(Settings(fake));
        var source = services.GetRequiredService<CoinGeckoSource>();
        var sink = new CollectingSink();
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(sink, stop.Token);

        await sink.WaitUntilAsync(t => t.Count > 0, "ticks after the 429");
        // The poll hands its ticks to the sink before it records the message in its health: wait for that, briefly.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (source.Health.Current.State != SourceState.Connected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var (state, reason) = source.Health.Current;
        await stop.CancelAsync();
        await run;

        var times = requests.ToArray();
        var gap = times[1] - times[0];
        Assert.InRange(gap.TotalSeconds, 0.9, 10.0);
        Assert.Equal(1, source.Health.Reconnects);
        Assert.Equal(SourceState.Connected, state);
        Assert.Null(reason);
    }
}
