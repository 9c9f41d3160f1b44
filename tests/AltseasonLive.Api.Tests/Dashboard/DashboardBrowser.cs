using Microsoft.Playwright;

namespace AltseasonLive.Api.Tests.Dashboard;

/// <summary>
/// Debian's headless Chromium driven by Playwright's bundled driver (no browser download). Every page records its
/// console errors and failed requests to anything but the product.
/// </summary>
public sealed class DashboardBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private DashboardBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>Where the screenshots go: under the test output folder, kept as test artifacts.</summary>
    public static string ArtifactsFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "dashboard");

    public static async Task<DashboardBrowser> LaunchAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium (apt-get install chromium); .ci/run does.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        return new DashboardBrowser(playwright, browser);
    }

    /// <summary>
    /// A page of <paramref name="baseAddress"/> at the given viewport. The page may show notifications (the permission a
    /// user would grant).
    /// </summary>
    public async Task<DashboardPage> OpenAsync(Uri baseAddress, int width, int height)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Permissions = ["notifications"],
        });
        var page = await context.NewPageAsync();
        var result = new DashboardPage(page, baseAddress);
        page.SetDefaultTimeout(30_000);
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>One open dashboard page with the console errors and external requests it produced.</summary>
public sealed class DashboardPage
{
    public DashboardPage(IPage page, Uri baseAddress)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Add(error);
        page.Request += (_, request) =>
        {
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && url.Scheme.StartsWith("http", StringComparison.Ordinal)
                && !(url.Host == baseAddress.Host && url.Port == baseAddress.Port))
            {
                ExternalRequests.Add(request.Url);
            }
        };
    }

    public IPage Page { get; }

    public List<string> ConsoleErrors { get; } = [];

    public List<string> ExternalRequests { get; } = [];

    /// <summary>Saves a PNG under <see cref="DashboardBrowser.ArtifactsFolder"/>: the viewport, or the whole page.</summary>
    public async Task ScreenshotAsync(string name, bool fullPage)
    {
        Directory.CreateDirectory(DashboardBrowser.ArtifactsFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardBrowser.ArtifactsFolder, name), FullPage = fullPage });
    }
}
