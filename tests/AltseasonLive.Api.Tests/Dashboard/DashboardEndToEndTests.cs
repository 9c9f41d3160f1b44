using System.Net.Http.Json;
using System.Text.Json;
using AltseasonLive.Api.Push;
using AltseasonLive.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AltseasonLive.Api.Tests.Dashboard;

/// <summary>
/// The whole product in a real browser (<see cref="DashboardBrowser"/>) opens the dashboard served by Kestrel on
/// loopback; ticks published over REST must move the chart and put the resulting breakdown event in the feed.
/// </summary>
public sealed class DashboardEndToEndTests
{
    [Fact]
    public async Task Published_breakdown_moves_the_chart_and_appears_in_the_event_feed()
    {
        await using var server = await ApiServer.StartAsync(BreakdownScenario.Settings);
        using var publisher = server.CreateClient(authorized: true);
        var scenario = new BreakdownScenario(totalBars: 120);
        await scenario.PublishAsync(publisher, 100, coupled: true);

        await using var browser = await DashboardBrowser.LaunchAsync();
        var dashboard = await browser.OpenAsync(server.BaseAddress, 1400, 900);
        var page = dashboard.Page;
        var consoleErrors = dashboard.ConsoleErrors;
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "connected");
        await Assertions.Expect(page.GetByTestId("corr-value-10")).Not.ToHaveTextAsync("–");
        await Assertions.Expect(page.GetByTestId("price-RUT")).Not.ToHaveTextAsync("–");
        var chart = page.GetByTestId("correlation-chart");
        var pointsBefore = int.Parse(await chart.GetAttributeAsync("data-points") ?? "0");
        Assert.True(pointsBefore > 0, "the chart did not draw the snapshot history");

        var before = await publisher.GetFromJsonAsync<JsonElement>("/api/events?since=0&max=1");
        var lastSequenceBefore = before.GetProperty("lastSequence").GetInt64();

        await scenario.PublishAsync(publisher, 8, coupled: false);
        await scenario.PublishAsync(publisher, 1, coupled: true);

        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=correlation-chart]').dataset.updates) > 0");
        var breakdown = page.Locator("[data-testid=event][data-kind=CorrelationBreakdown]").Filter(new() { HasText = "RUT/TOTAL3 10-bar Returns" });
        await Assertions.Expect(breakdown.First).ToBeVisibleAsync();
        var sequence = long.Parse(await breakdown.First.GetAttributeAsync("data-sequence") ?? "0");
        Assert.True(sequence > lastSequenceBefore, "the breakdown in the feed is not the one the new ticks caused");
        Assert.True(int.Parse(await chart.GetAttributeAsync("data-points") ?? "0") > pointsBefore, "the chart gained no points");

        // The server drops the browser (as it would a stalled client): it must reconnect by itself and resume its
        // event subscription from the last sequence it saw, without duplicating events.
        var fanOut = server.Services.GetRequiredService<MarketFanOut>();
        var dropped = fanOut.ConnectionIds.ToHashSet();
        // The default view hides noisy events (short-window sign flips), so the newest event the page saw is read from
        // the full feed.
        await page.GetByTestId("event-filter-full").CheckAsync();
        var lastSeen = long.Parse(await page.GetByTestId("event").First.GetAttributeAsync("data-sequence") ?? "0");
        foreach (var id in dropped)
        {
            fanOut.Find(id)?.Abort("test drops the browser");
        }

        await WaitUntilAsync(() => fanOut.ConnectionIds.Any(id => !dropped.Contains(id) && fanOut.Find(id)?.IsSubscribed("events") == true));
        await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "connected");
        await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-resumed-from", lastSeen.ToString());

        var updatesBefore = int.Parse(await chart.GetAttributeAsync("data-updates") ?? "0");
        await scenario.PublishAsync(publisher, 2, coupled: true);
        await page.WaitForFunctionAsync(
            $"() => Number(document.querySelector('[data-testid=correlation-chart]').dataset.updates) > {updatesBefore}");
        var sequences = await page.GetByTestId("event").EvaluateAllAsync<long[]>("els => els.map(e => Number(e.dataset.sequence))");
        Assert.Equal(sequences.Length, sequences.Distinct().Count());
        Assert.DoesNotContain(consoleErrors, e => !e.Contains("WebSocket", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the browser did not come back");
    }
}
