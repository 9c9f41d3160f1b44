using System.Collections.Concurrent;
using System.Globalization;
using AltseasonLive.Feeds.Live.Yahoo;
using AltseasonLive.Feeds.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AltseasonLive.Feeds.Tests;

public sealed class YahooSourceTests
{
    /// <summary>A chart response as Yahoo documents it: meta with the regular-market price, daily timestamps and closes.</summary>
    private static string Chart(string ticker, double price, long timeSeconds, params (long Seconds, double? Close)[] bars) =>
        "{\"chart\":{\"result\":[{\"meta\":{\"currency\":\"USD\",\"symbol\":\"" + ticker + "\",\"exchangeName\":\"WCB\",\"instrumentType\":\"INDEX\","
        + "\"regularMarketPrice\":" + price.ToString("R", CultureInfo.InvariantCulture) + ",\"regularMarketTime\":" + timeSeconds + ",\"gmtoffset\":-18000,\"timezone\":\"EST\"},"
        + "\"timestamp\":[" + string.Join(",", bars.Select(b => b.Seconds)) + "],"
        + "\"indicators\":{\"quote\":[{\"close\":[" + string.Join(",", bars.Select(b => b.Close?.ToString("R", CultureInfo.InvariantCulture) ?? "null")) + "]}]}}],\"error\":null}}";

    private static async Task<(FakeStreamServer Fake, ConcurrentQueue<(string Path, string Agent)> Requests)> StartFakeAsync()
    {
        var requests = new ConcurrentQueue<(string, string)>();
        var day1 = new DateTimeOffset(2026, 4, 20, 14, 30, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var fake = await FakeStreamServer.StartAsync(app => app.MapGet("/v8/finance/chart/{ticker}", (string ticker, HttpRequest r) =>
        {
            requests.Enqueue((r.Path + r.QueryString, r.Headers.UserAgent.ToString()));
            return ticker switch
            {
                "^RUT" => Results.Text(Chart("^RUT", 2461.5, 1_776_700_000, (day1, 2400.25), (day1 + 86_400, null), (day1 + 2 * 86_400, 2410.75)), "application/json"),
                "^GSPC" => Results.Text(Chart("^GSPC", 6801.25, 1_776_700_000, (day1, 6700.5)), "application/json"),
                _ => Results.NotFound(),
            };
        }));
        return (fake, requests);
    }

    private static Dictionary<string, string?> Settings(FakeStreamServer fake) => new()
    {
        ["Feeds:Live:Yahoo:Enabled"] = "true",
        ["Feeds:Live:Yahoo:Url"] = fake.BaseAddress.ToString(),
    };

    [Fact]
    public async Task A_poll_maps_yahoo_tickers_to_rut_and_spx_with_the_fakes_price_and_time_and_a_browser_user_agent()
    {
        var (fake, requests) = await StartFakeAsync();
        await using (fake)
        {
            using var services = LiveSourcesHost.Build(Settings(fake));
            var sink = new CollectingSink();

            await services.GetRequiredService<YahooSource>().PollAsync(sink, CancellationToken.None);

            Assert.Equal(
                [new("RUT", 1_776_700_000_000, 2461.5, Source: "yahoo"), new("SPX", 1_776_700_000_000, 6801.25, Source: "yahoo")],
                sink.Ticks.OrderBy(t => t.Symbol).ToArray());
            Assert.Contains(requests, r => r.Path.StartsWith("/v8/finance/chart/%5ERUT?", StringComparison.Ordinal));
            Assert.All(requests, r => Assert.StartsWith("Mozilla/5.0", r.Agent));
        }
    }

    [Fact]
    public async Task The_daily_backfill_publishes_one_close_per_trading_day_at_the_days_start_and_skips_missing_closes()
    {
        var (fake, _) = await StartFakeAsync();
        await using (fake)
        {
            using var services = LiveSourcesHost.Build(Settings(fake));
            var sink = new CollectingSink();

            var report = await services.GetRequiredService<YahooSource>().BackfillAsync(new DateOnly(2026, 4, 20), new DateOnly(2026, 4, 23), sink, CancellationToken.None);

            var rut = sink.Ticks.Where(t => t.Symbol == "RUT").ToArray();
            Assert.Equal([2400.25, 2410.75], rut.Select(t => t.Price).ToArray());
            Assert.Equal(
                [new DateTimeOffset(2026, 4, 20, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), new DateTimeOffset(2026, 4, 22, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()],
                rut.Select(t => t.TimeMs).ToArray());
            Assert.Equal(2, report.Symbols);
            Assert.Equal(3, report.Ticks);
        }
    }

    [Theory]
    [InlineData("2026-12-01T15:00:00Z", true)]
    [InlineData("2026-12-01T14:00:00Z", false)]
    [InlineData("2026-12-01T21:30:00Z", false)]
    [InlineData("2026-12-05T16:00:00Z", false)]
    [InlineData("2026-07-01T13:45:00Z", true)]
    public void The_us_session_is_weekdays_half_past_nine_to_four_in_new_york(string utc, bool open) =>
        Assert.Equal(open, UsMarketHours.IsOpen(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture)));
}
