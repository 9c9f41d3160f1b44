using System.Collections.Immutable;
using AltseasonLive.Api.Claims;
using AltseasonLive.Api.Market;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Market;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Apis;

/// <summary><c>GET /api/claims</c>: the market commentary's claims beside what the product's data says, computed on request.</summary>
public static class ClaimsApi
{
    /// <summary>The pair whose claims the commentary makes.</summary>
    public const string Anchor = "RUT";
    public const string Partner = "TOTAL3";

    private static readonly string[] Series = ["RUT", "TOTAL3", "BTC.D", "USDT.D", SeriesHistoryKeys.AltseasonIndex, "SPX"];

    public static RouteGroupBuilder MapClaimsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/claims").WithTags("Claims");
        group.MapGet("/", GetClaims).WithSummary("Each claim of the commentary with the product's own finding, numbers and verdict.");
        return group;
    }

    public static async Task<Ok<ClaimsResponse>> GetClaims(
        IGrainFactory grains, UniverseCache universe, IOptions<MarketSignalOptions> signals, CancellationToken ct)
    {
        var info = await universe.GetAsync(ct);
        var pairs = await Task.WhenAll(info.PairWindows
            .Where(k => k.Anchor == Anchor && k.Partner == Partner)
            .Select(k => grains.GetGrain<IPairWindowGrain>(k.ToString()).GetSnapshot()));
        var series = ImmutableDictionary.CreateBuilder<string, ImmutableArray<HistoryPoint>>();
        foreach (var symbol in Series)
        {
            if (await HistoryApi.KeyOfAsync(symbol, universe, ct) is { } key)
            {
                series[symbol] = await grains.GetGrain<ISeriesHistoryGrain>(key).Get().WaitAsync(ct);
            }
        }

        var o = signals.Value;
        var inputs = new ClaimInputs(
            [.. pairs],
            series.ToImmutable(),
            o.DominanceLevels.ToImmutableDictionary(p => p.Key, p => p.Value.Order().ToImmutableArray(), StringComparer.OrdinalIgnoreCase),
            o.AltcoinSeasonThreshold,
            o.BitcoinSeasonThreshold);
        return TypedResults.Ok(new ClaimsResponse(ClaimsCalculator.Compute(inputs)));
    }
}

/// <summary>The claims in the commentary's order.</summary>
public sealed record ClaimsResponse(ImmutableArray<Claim> Claims);
