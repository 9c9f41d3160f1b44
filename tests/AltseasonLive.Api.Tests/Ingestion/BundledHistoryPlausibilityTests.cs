using AltseasonLive.Api.Tests.Infrastructure;
using AltseasonLive.Feeds.Replay;
using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.Grains.Interfaces.Market;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.History;
using Microsoft.Extensions.DependencyInjection;

namespace AltseasonLive.Api.Tests.Ingestion;

/// <summary>
/// The default plausibility rules against reality: every day of the bundled history (March 2020, the 2021 SHIB and
/// DOGE runs, the 2022 crashes) replayed through the product's grains, day by day, is accepted, composites included.
/// </summary>
public sealed class BundledHistoryPlausibilityTests
{
    [Fact]
    public async Task Every_day_of_the_bundled_history_passes_the_default_plausibility_rules()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string> { ["Feeds:Mode"] = "Off" });
        var grains = server.Services.GetRequiredService<IGrainFactory>();
        var replay = new HistoryReplay(server.Services.GetRequiredService<BundledHistory>(), new HistoryReplayOptions { IncludeCoins = true });
        var ingest = grains.GetGrain<ITickIngestGrain>(0);
        var refused = new List<string>();
        var march2020 = false;
        foreach (var day in replay.Days)
        {
            march2020 |= day.Date == new DateOnly(2020, 3, 12);
            var result = await ingest.Ingest([.. day.Ticks]);
            // Coins of the history outside the product's universe are refused as unknown, which is not a plausibility verdict.
            refused.AddRange(result.Rejections.Where(r => r.Reason != TickRejectReason.UnknownSymbol).Select(r => $"{day.Date} {r.Symbol} {day.Ticks[r.Index].Price:R}: {r.Reason}"));
        }

        Assert.True(march2020);
        Assert.True(replay.Days.Count > 2000, $"{replay.Days.Count} days");
        Assert.Empty(refused.Take(20));

        var market = await grains.GetGrain<IMarketGrain>(0).GetSnapshot();
        Assert.True(market.Total >= market.Total2 && market.Total2 >= market.Total3, $"{market.Total} {market.Total2} {market.Total3}");
        foreach (var symbol in new[] { "TOTAL", "TOTAL2" })
        {
            // The computed composites reach their own asset grains too, so none of them was refused on the way.
            var asset = await grains.GetGrain<IAssetGrain>(symbol).GetSnapshot();
            Assert.Equal(symbol == "TOTAL" ? market.Total : market.Total2, asset.LastPrice);
        }
    }
}
