using System.Collections.Immutable;
using AltseasonLive.Api.Market;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Market;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AltseasonLive.Api.Apis;

/// <summary>
/// Bar closes of the market series for the dashboard's history charts: <c>GET /api/history/{symbol}</c> for any asset
/// of the universe (RUT, TOTAL3, BTC.D, ...) or <c>ASI</c>, the Altcoin Season Index. Pair-window history is in
/// <c>GET /api/correlations/...</c>.
/// </summary>
public static class HistoryApi
{
    public static RouteGroupBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/history").WithTags("History");
        group.MapGet("/{symbol}", GetHistory)
            .WithSummary("Bar closes (oldest first, timeMs = bar start UTC ms) of an asset, composite, dominance series or ASI.");
        return group;
    }

    public static async Task<Results<Ok<SeriesHistory>, NotFound>> GetHistory(
        string symbol, IGrainFactory grains, UniverseCache universe, CancellationToken ct)
    {
        var key = await KeyOfAsync(symbol, universe, ct);
        return key is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new SeriesHistory(key, await grains.GetGrain<ISeriesHistoryGrain>(key).Get().WaitAsync(ct)));
    }

    /// <summary>The canonical history key of <paramref name="symbol"/> (case-insensitive), or null when it is not tracked.</summary>
    public static async Task<string?> KeyOfAsync(string symbol, UniverseCache universe, CancellationToken ct)
    {
        if (string.Equals(symbol, SeriesHistoryKeys.AltseasonIndex, StringComparison.OrdinalIgnoreCase))
        {
            return SeriesHistoryKeys.AltseasonIndex;
        }

        var asset = (await universe.GetAsync(ct)).Assets.FirstOrDefault(a => string.Equals(a.Symbol, symbol, StringComparison.OrdinalIgnoreCase));
        return asset?.Symbol;
    }
}

/// <summary>The bar closes held for one series (USD, percent or index points), oldest first.</summary>
public sealed record SeriesHistory(string Symbol, ImmutableArray<HistoryPoint> Points);
