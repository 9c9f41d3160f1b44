using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AltseasonLive.Api.Tests.Dashboard;

/// <summary>
/// The trader's dashboard on the demo (bundled history, then the synthetic market) in Chromium at desktop and phone
/// width: the usual-range band, markers that equal the events shown, market history, filters, sources, the demo
/// banner and the claims with their numbers, with no console error and no request leaving the product.
/// </summary>
[Collection(DemoDashboardCollection.Name)]
public sealed class DemoDashboardTests(DemoDashboardFixture fixture, ITestOutputHelper output)
{
    private const double DaySeconds = 86_400;

    [Fact]
    public async Task Desktop_view_draws_band_markers_history_sources_and_claims_and_the_filters_change_the_feed()
    {
        var dashboard = await fixture.Browser.OpenAsync(fixture.Server.BaseAddress, 1400, 900);
        var page = dashboard.Page;
        Assertions.SetDefaultExpectTimeout(30_000);
        await page.GotoAsync("/");
        var coldLoadMs = await LoadEventMsAsync(page);

        // Load time as a user sees it (a fresh browser context, nothing cached), reported rather than asserted: a
        // timed assertion would measure the test machine.
        var loads = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var fresh = await fixture.Browser.OpenAsync(fixture.Server.BaseAddress, 1400, 900);
            await fresh.Page.GotoAsync("/");
            loads.Add(await LoadEventMsAsync(fresh.Page));
            output.WriteLine(await fresh.Page.EvaluateAsync<string>(
                "() => performance.getEntriesByType('resource').map(r => `${r.name.split('/').pop()} ${r.startTime.toFixed(0)}-${r.responseEnd.toFixed(0)}`).join('; ')"));
            await fresh.Page.Context.CloseAsync();
        }


        await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "connected");
        await WaitForNumberAsync(page, "correlation-chart", "bandPoints", 1);
        foreach (var chart in new[] { "chart-prices", "chart-dominance", "chart-asi" })
        {
            await WaitForNumberAsync(page, chart, "points", 30);
        }

        // The configured levels are drawn (BTC.D 50/55/57/59/60, USDT.D up to 6.47) and the ASI thresholds.
        var dominance = page.GetByTestId("chart-dominance");
        await Assertions.Expect(dominance).ToHaveAttributeAsync("data-levels-btc", "5");
        await Assertions.Expect(dominance).ToHaveAttributeAsync("data-levels-usdt", "3");
        await Assertions.Expect(page.GetByTestId("chart-asi")).ToHaveAttributeAsync("data-thresholds", "25,75");
        await page.GetByTestId("dom-USDT.D").ClickAsync();
        await Assertions.Expect(dominance).ToHaveAttributeAsync("data-shown", "USDT.D");

        await Assertions.Expect(page.GetByTestId("demo-banner")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("demo-banner")).ToContainTextAsync("simulated");
        await Assertions.Expect(page.GetByTestId("source-RUT")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("source-RUT").Locator(".age")).Not.ToBeEmptyAsync();

        // The claims, with the numbers the server computed.
        using var client = fixture.Server.CreateClient();
        var claims = (await client.GetFromJsonAsync<JsonElement>("/api/claims")).GetProperty("claims");
        await Assertions.Expect(page.Locator("[data-testid=claims] > li")).ToHaveCountAsync(claims.GetArrayLength());
        var longRun = claims.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "long-run-075");
        var mean = longRun.GetProperty("numbers")[0].GetProperty("value").GetDouble();
        await Assertions.Expect(page.GetByTestId("claim-long-run-075")).ToContainTextAsync(mean.ToString("0.000", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("claim-rut-spx-streak")).ToHaveAttributeAsync("data-verdict", "CannotCheck");

        // The default view hides the noisy events; the full feed and the filters change what is shown.
        var feed = page.GetByTestId("event-feed");
        await WaitForNumberAsync(page, "event-feed", "shown", 1);
        var defaultShown = await NumberAsync(page, "event-feed", "shown");
        await page.GetByTestId("event-filter-full").CheckAsync();
        var fullShown = await NumberAsync(page, "event-feed", "shown");
        Assert.True(fullShown > defaultShown, $"the full feed shows {fullShown} events, the default view {defaultShown}");
        await page.GetByTestId("event-filter-kind").SelectOptionAsync("CorrelationSignFlip");
        var kinds = await feed.Locator("li").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.kind)");
        Assert.NotEmpty(kinds);
        Assert.All(kinds, k => Assert.Equal("CorrelationSignFlip", k));
        Assert.True(await NumberAsync(page, "event-feed", "shown") < fullShown);
        await page.GetByTestId("event-filter-kind").SelectOptionAsync("");

        // The markers on each pair-window equal the events the feed shows for it.
        await page.GetByTestId("event-filter-pair").SelectOptionAsync("RUT/TOTAL3");
        await page.GetByTestId("event-filter-mode").SelectOptionAsync("Returns");
        var windows = await page.GetByTestId("correlation-legend").Locator(".item").EvaluateAllAsync<string[]>(
            "els => els.map(e => e.dataset.testid.slice(5))");
        var totalMarkers = 0;
        foreach (var window in windows)
        {
            await page.GetByTestId("event-filter-window").SelectOptionAsync(window);
            // Read together: a live event re-renders the feed and the markers in one task.
            var counts = await page.EvaluateAsync<int[]>(
                $"() => [Number(document.querySelector('[data-testid=event-feed]').dataset.shown), Number(document.querySelector('[data-testid=corr-{window}]').dataset.markers)]");
            Assert.Equal(counts[0], counts[1]);
            var markers = counts[1];
            var pairs = await feed.Locator("li").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.pair)");
            Assert.All(pairs, p => Assert.Equal($"RUT|TOTAL3|{window}|Returns", p));
            totalMarkers += markers;
        }

        Assert.True(totalMarkers > 0, "no pair-window of RUT/TOTAL3 Returns has a marker");
        await page.GetByTestId("event-filter-window").SelectOptionAsync("");

        // Range buttons set the span; clicking an event (or Enter on it) moves the charts to it.
        var chartEl = page.GetByTestId("correlation-chart");
        await page.GetByTestId("range-1Y").ClickAsync();
        await page.WaitForFunctionAsync("() => { const d = document.querySelector('[data-testid=correlation-chart]').dataset; return d.visibleTo - d.visibleFrom < 400 * 86400; }");
        var span = await VisibleSpanAsync(chartEl);
        Assert.InRange(span.To - span.From, 300 * DaySeconds, 400 * DaySeconds);
        await page.GetByTestId("range-All").ClickAsync();
        await page.WaitForFunctionAsync("() => { const d = document.querySelector('[data-testid=correlation-chart]').dataset; return d.visibleTo - d.visibleFrom > 800 * 86400; }");

        var oldest = feed.Locator("li").Last;
        var eventTime = await oldest.EvaluateAsync<double>("e => Date.parse(e.querySelector('.when').textContent.replace(' ', 'T') + 'Z') / 1000");
        await oldest.ClickAsync();
        await page.WaitForFunctionAsync(
            $"() => {{ const d = document.querySelector('[data-testid=correlation-chart]').dataset; return d.visibleFrom <= {eventTime} && d.visibleTo >= {eventTime} && d.visibleTo - d.visibleFrom < 120 * 86400; }}");
        var newest = feed.Locator("li").First;
        var newestSequence = await newest.GetAttributeAsync("data-sequence");
        await newest.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(feed.Locator($"li[data-sequence='{newestSequence}']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("selected"));

        // Opt-in notifications for a chosen kind.
        await page.GetByTestId("event-notify").SelectOptionAsync("CorrelationBreakdown");
        await Assertions.Expect(page.GetByTestId("event-notify-list")).ToContainTextAsync("CorrelationBreakdown");

        // Hover shows the value and the band.
        var box = await chartEl.BoundingBoxAsync() ?? throw new InvalidOperationException("chart not laid out");
        await page.Mouse.MoveAsync(box.X + box.Width * 0.6f, box.Y + box.Height / 2);
        await Assertions.Expect(page.GetByTestId("correlation-tooltip")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("correlation-tooltip")).ToContainTextAsync("-bar");

        // The screenshot shows RUT/TOTAL3 with every marker over the whole range, and BTC.D with its levels.
        await page.GetByTestId("dom-BTC.D").ClickAsync();
        await page.GetByTestId("range-All").ClickAsync();
        await page.Mouse.MoveAsync(0, 0);
        await dashboard.ScreenshotAsync("dashboard-1400x900.png", fullPage: false);
        await dashboard.ScreenshotAsync("dashboard-1400x900-full.png", fullPage: true);
        output.WriteLine($"page load event after {string.Join(", ", loads.Select(l => l.ToString("F0", CultureInfo.InvariantCulture)))} ms (first load {coldLoadMs:F0} ms); {fullShown} events in the full feed, {defaultShown} in the default view, {totalMarkers} markers on RUT/TOTAL3 Returns");
        Assert.Empty(dashboard.ConsoleErrors);
        Assert.Empty(dashboard.ExternalRequests);
    }

    [Fact]
    public async Task Phone_width_stacks_the_panels_with_no_sideways_scroll()
    {
        var dashboard = await fixture.Browser.OpenAsync(fixture.Server.BaseAddress, 390, 844);
        var page = dashboard.Page;
        Assertions.SetDefaultExpectTimeout(30_000);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "connected");
        await WaitForNumberAsync(page, "correlation-chart", "bandPoints", 1);
        await Assertions.Expect(page.Locator("[data-testid=claims] > li").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("demo-banner")).ToBeVisibleAsync();

        var widths = await page.EvaluateAsync<double[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"the page scrolls sideways: {widths[0]} px wide in a {widths[1]} px viewport");
        var panels = await page.Locator("main > section").EvaluateAllAsync<double[][]>(
            "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right]; })");
        Assert.All(panels, p => Assert.True(p[0] >= 0 && p[2] <= 390, $"a panel spans {p[0]}..{p[2]} px"));
        var tops = panels.Select(p => p[1]).ToArray();
        Assert.Equal(tops.Order().ToArray(), tops);
        Assert.Equal(tops.Length, tops.Distinct().Count());

        await dashboard.ScreenshotAsync("dashboard-390x844.png", fullPage: false);
        await dashboard.ScreenshotAsync("dashboard-390x844-full.png", fullPage: true);
        Assert.Empty(dashboard.ConsoleErrors);
        Assert.Empty(dashboard.ExternalRequests);
    }

    private static async Task<double> LoadEventMsAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        return await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].loadEventEnd");
    }

    private static async Task WaitForNumberAsync(IPage page, string testId, string key, int atLeast) =>
        await page.WaitForFunctionAsync($"() => Number(document.querySelector('[data-testid=\"{testId}\"]')?.dataset.{key}) >= {atLeast}");

    private static async Task<int> NumberAsync(IPage page, string testId, string key) =>
        await page.EvaluateAsync<int>($"() => Number(document.querySelector('[data-testid=\"{testId}\"]').dataset.{key})");

    private static async Task<(double From, double To)> VisibleSpanAsync(ILocator chart)
    {
        var v = await chart.EvaluateAsync<double[]>("e => [Number(e.dataset.visibleFrom), Number(e.dataset.visibleTo)]");
        return (v[0], v[1]);
    }
}
