using System.Net.Http.Json;
using System.Text.Json;
using AltseasonLive.Api.Tests.Infrastructure;

namespace AltseasonLive.Api.Tests.Dashboard;

/// <summary>
/// One product host in Demo mode for every dashboard test of the collection: the bundled history replayed as fast as
/// it goes from <see cref="ReplayFrom"/> (enough for the 365-bar windows and the claims since 2024), then the
/// synthetic continuation; plus one browser. Ready when the replay has reached its last bundled day.
/// </summary>
public sealed class DemoDashboardFixture : IAsyncLifetime
{
    public const string ReplayFrom = "2023-03-01";

    /// <summary>2026-04-01 UTC: the replay has reached the end of the bundled history by then.</summary>
    private const long ReplayedBeyondMs = 1_775_001_600_000;

    private ApiServer? _server;
    private DashboardBrowser? _browser;

    public ApiServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public DashboardBrowser Browser => _browser ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync(new Dictionary<string, string>
        {
            ["Feeds:Mode"] = "Demo",
            ["Feeds:Replay:Enabled"] = "true",
            ["Feeds:Replay:From"] = ReplayFrom,
            ["Feeds:Synthetic:Enabled"] = "true",
        });
        using var client = _server.CreateClient();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var market = await client.GetFromJsonAsync<JsonElement>("/api/market");
            if (market.GetProperty("timeMs").GetInt64() >= ReplayedBeyondMs)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the demo replay did not reach 2026-04 within 3 minutes: {market}");
            await Task.Delay(500);
        }

        _browser = await DashboardBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DemoDashboardCollection : ICollectionFixture<DemoDashboardFixture>
{
    public const string Name = "demo dashboard";
}
