using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AltseasonLive.Api.Tests.Infrastructure;

namespace AltseasonLive.Api.Tests.Dashboard;

/// <summary>
/// The history the dashboard's charts draw: each market series' bar closes (<c>GET /api/history/{symbol}</c>) and, on
/// every committed correlation point, the usual range the breakdown rule judged it against.
/// </summary>
public sealed class HistoryApiTests
{
    [Fact]
    public async Task Series_history_holds_the_published_closes_and_correlation_points_carry_the_band_the_breakdown_used()
    {
        await using var server = await ApiServer.StartAsync(BreakdownScenario.Settings);
        using var client = server.CreateClient(authorized: true);
        var scenario = new BreakdownScenario(totalBars: 120);
        await scenario.PublishAsync(client, 100, coupled: true);
        await scenario.PublishAsync(client, 8, coupled: false);
        await scenario.PublishAsync(client, 1, coupled: true);

        // Every bar but the one still in progress is closed.
        var rut = await client.GetFromJsonAsync<JsonElement>("/api/history/rut");
        Assert.Equal("RUT", rut.GetProperty("symbol").GetString());
        var points = rut.GetProperty("points").EnumerateArray().ToArray();
        var closed = scenario.Published.Take(scenario.Published.Count - 1).ToArray();
        Assert.Equal(closed.Select(b => b.BarStartMs), points.Select(p => p.GetProperty("timeMs").GetInt64()));
        Assert.Equal(closed.Select(b => b.Rut), points.Select(p => p.GetProperty("value").GetDouble()));
        var total3 = (await client.GetFromJsonAsync<JsonElement>("/api/history/TOTAL3")).GetProperty("points");
        Assert.Equal(closed[^1].Total3, total3[total3.GetArrayLength() - 1].GetProperty("value").GetDouble());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/history/ASI")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/history/NOPE")).StatusCode);

        var events = (await client.GetFromJsonAsync<JsonElement>("/api/events?since=0&max=1000")).GetProperty("events").EnumerateArray();
        var breakdown = events.First(e => e.GetProperty("kind").GetString() == "CorrelationBreakdown"
            && e.GetProperty("event").GetProperty("pair").GetProperty("window").GetInt32() == 10
            && e.GetProperty("event").GetProperty("pair").GetProperty("mode").GetString() == "Returns");
        var history = (await client.GetFromJsonAsync<JsonElement>("/api/correlations/RUT/TOTAL3/10/Returns")).GetProperty("history").EnumerateArray();
        var point = history.Single(p => p.GetProperty("timeMs").GetInt64() == breakdown.GetProperty("timeMs").GetInt64());
        Assert.Equal(breakdown.GetProperty("event").GetProperty("value").GetDouble(), point.GetProperty("value").GetDouble());
        Assert.Equal(breakdown.GetProperty("event").GetProperty("bandLower").GetDouble(), point.GetProperty("bandLower").GetDouble());
        Assert.Equal(breakdown.GetProperty("event").GetProperty("bandUpper").GetDouble(), point.GetProperty("bandUpper").GetDouble());
        Assert.Equal(JsonValueKind.Null, history.First().GetProperty("bandLower").ValueKind);
    }
}
