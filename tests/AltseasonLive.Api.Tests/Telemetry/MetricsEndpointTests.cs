using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AltseasonLive.Api.Tests.Infrastructure;

namespace AltseasonLive.Api.Tests.Telemetry;

[Collection(ProductCollection.Name)]
public sealed class MetricsEndpointTests(ProductFixture fixture)
{
    [Fact]
    public async Task Metrics_show_the_products_counters_beside_aspnetcore_runtime_and_orleans_in_prometheus_text()
    {
        using var client = fixture.Server.CreateClient(authorized: true);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var posted = await client.PostAsync(
            "/api/ticks", new StringContent($$"""[{"symbol":"BTC","time":{{now}},"price":75000}]""", Encoding.UTF8, "application/json"));
        posted.EnsureSuccessStatusCode();

        // The exporter caches a scrape briefly; ask until the tick shows (or give up and show what came back).
        var text = "";
        for (var attempt = 0; attempt < 50 && !HasSample(text, "altseason_ticks_accepted_total"); attempt++)
        {
            await Task.Delay(100);
            text = await client.GetStringAsync("/metrics");
        }

        Assert.True(HasSample(text, "altseason_ticks_accepted_total"), text);
        Assert.True(HasSample(text, "altseason_ticks_received_total"), text);
        Assert.True(HasSample(text, "altseason_grains_ticks_applied_total"), text);
        Assert.True(HasSample(text, "altseason_ticks_batch_size_bucket"), text);
        Assert.True(HasSample(text, "http_server_request_duration_seconds_bucket"), "ASP.NET Core's meter is missing:\n" + text);
        Assert.True(HasSample(text, "dotnet_gc_collections_total") || HasSample(text, "process_runtime_dotnet_gc_collections_count_total"), "the runtime's meter is missing:\n" + text);
        Assert.True(text.Split('\n').Any(line => line.StartsWith("orleans_", StringComparison.Ordinal)), "Orleans' meter is missing:\n" + text);
    }

    [Fact]
    public async Task Stats_report_the_same_accepted_total_as_metrics()
    {
        using var client = fixture.Server.CreateClient(authorized: true);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var posted = await client.PostAsync(
            "/api/ticks", new StringContent($$"""[{"symbol":"ETH","time":{{now}},"price":3000}]""", Encoding.UTF8, "application/json"));
        posted.EnsureSuccessStatusCode();

        var stats = await client.GetFromJsonAsync<JsonElement>("/api/stats");
        var hub = stats.GetProperty("hub");
        Assert.True(stats.GetProperty("ticks").GetProperty("accepted").GetInt64() >= 1);
        Assert.True(stats.GetProperty("grains").GetProperty("ticksApplied").GetInt64() >= 1);
        Assert.Equal(0, hub.GetProperty("eventsHeldBack").GetInt64());
        Assert.Equal(0, hub.GetProperty("eventsRefetched").GetInt64());
        Assert.Equal(0, hub.GetProperty("eventsOutOfOrder").GetInt64());
    }

    private static bool HasSample(string text, string name) =>
        text.Split('\n').Any(line => line.StartsWith(name, StringComparison.Ordinal) && (line.Length == name.Length || line[name.Length] is ' ' or '{'));
}
