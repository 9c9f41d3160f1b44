using System.Collections.Immutable;
using AltseasonLive.Api.Market;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Market;
using AltseasonLive.Grains.Interfaces.Universe;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Apis;

/// <summary>Read-only REST views of the current market: universe, assets, correlations, dominance and the ASI.</summary>
public static class SnapshotsApi
{
    public static RouteGroupBuilder MapSnapshotsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Snapshots");
        group.MapGet("/universe", GetUniverse).WithSummary("Configured symbols, pair-windows and bar size.");
        group.MapGet("/assets", GetAssets).WithSummary("Every asset's current snapshot.");
        group.MapGet("/assets/{symbol}", GetAsset).WithSummary("One asset's current snapshot.");
        group.MapGet("/correlations", GetCorrelations)
            .WithSummary("Every pair-window (all windows, both modes); history=N keeps the last N committed points (default 0).");
        group.MapGet("/correlations/{anchor}/{partner}/{window:int}/{mode}", GetCorrelation)
            .WithSummary("One pair-window, e.g. /api/correlations/RUT/TOTAL3/90/Returns, with its full history.");
        group.MapGet("/market", GetMarket).WithSummary("TOTAL, TOTAL2, TOTAL3, BTC.D, ETH.D, USDT.D and the Altcoin Season Index.");
        group.MapGet("/thresholds", GetThresholds).WithSummary("Dominance levels (percent) and Altcoin Season Index thresholds.");
        return group;
    }

    public static async Task<Ok<UniverseInfo>> GetUniverse(UniverseCache universe, CancellationToken ct) =>
        TypedResults.Ok(await universe.GetAsync(ct));

    public static async Task<Ok<AssetSnapshot[]>> GetAssets(IGrainFactory grains, UniverseCache universe, CancellationToken ct)
    {
        var info = await universe.GetAsync(ct);
        var snapshots = await Task.WhenAll(info.Assets.Select(a => grains.GetGrain<IAssetGrain>(a.Symbol).GetSnapshot()));
        return TypedResults.Ok(snapshots);
    }

    public static async Task<Results<Ok<AssetSnapshot>, NotFound>> GetAsset(
        string symbol, IGrainFactory grains, UniverseCache universe, CancellationToken ct)
    {
        var asset = (await universe.GetAsync(ct)).Assets.FirstOrDefault(a => string.Equals(a.Symbol, symbol, StringComparison.OrdinalIgnoreCase));
        return asset is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(await grains.GetGrain<IAssetGrain>(asset.Symbol).GetSnapshot());
    }

    public static async Task<Ok<PairWindowSnapshot[]>> GetCorrelations(
        IGrainFactory grains, UniverseCache universe, CancellationToken ct, int history = 0)
    {
        var info = await universe.GetAsync(ct);
        var snapshots = await Task.WhenAll(info.PairWindows.Select(k => grains.GetGrain<IPairWindowGrain>(k.ToString()).GetSnapshot()));
        var keep = Math.Max(0, history);
        return TypedResults.Ok(snapshots
            .Select(s => s.History.IsDefaultOrEmpty || s.History.Length <= keep ? s : s with { History = s.History[^keep..] })
            .ToArray());
    }

    public static async Task<Results<Ok<PairWindowSnapshot>, NotFound>> GetCorrelation(
        string anchor, string partner, int window, string mode, IGrainFactory grains, UniverseCache universe, CancellationToken ct)
    {
        if (!PairWindowKey.TryParse($"{anchor.ToUpperInvariant()}|{partner.ToUpperInvariant()}|{window}|{mode}", out var key)
            || !(await universe.GetAsync(ct)).PairWindows.Contains(key))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await grains.GetGrain<IPairWindowGrain>(key.ToString()).GetSnapshot());
    }

    public static async Task<Ok<MarketSnapshot>> GetMarket(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IMarketGrain>(0).GetSnapshot());

    public static Ok<MarketThresholds> GetThresholds(IOptions<MarketSignalOptions> signals)
    {
        var o = signals.Value;
        return TypedResults.Ok(new MarketThresholds(
            o.AltcoinSeasonThreshold,
            o.BitcoinSeasonThreshold,
            o.DominanceLevels.ToImmutableSortedDictionary(p => p.Key, p => p.Value.Order().ToImmutableArray(), StringComparer.OrdinalIgnoreCase)));
    }
}

/// <summary>Signal thresholds the dashboard draws: Altcoin Season Index levels (percent 0..100) and dominance levels (percent).</summary>
public sealed record MarketThresholds(
    double AltcoinSeason,
    double BitcoinSeason,
    ImmutableSortedDictionary<string, ImmutableArray<double>> DominanceLevels);
