using System.Net.Http.Json;
using System.Text.Json;
using AltseasonLive.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AltseasonLive.Api.Tests.Dashboard;

/// <summary>
/// The whole product in a real browser: Debian's headless Chromium (driven by Playwright's bundled driver, no browser
/// download) opens the dashboard served by Kestrel on loopback; ticks published over REST must move the chart and
/// put the resulting breakdown event in the feed.
/// </summary>
public sealed class DashboardEndToEndTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    [Fact]
    public async Task Published_breakdown_moves_the_chart_and_appears_in_the_event_feed()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium (apt-get install chromium); .ci/run does.");

        await using var server = await ApiServer.StartAsync(BreakdownScenario.Settings);
        using var publisher = server.CreateClient(authorized: true);
        var scenario = new BreakdownScenario(totalBars: 120);
        await scenario.PublishAsync(publisher, 100, coupled: true);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.BaseAddress.ToString() });
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add($"{message.Text} ({message.Location})");
            }
        };
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
        Assert.Empty(consoleErrors);
    }
}
