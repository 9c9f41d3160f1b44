using System.Globalization;
using AltseasonLive.Api.Feeds;
using AltseasonLive.Feeds.Hosting;
using AltseasonLive.Feeds.Live;
using AltseasonLive.Feeds.Live.CoinGecko;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AltseasonLive.Api.Apis;

/// <summary><c>GET /api/sources</c>: where the data on screen comes from, and the health of every live source.</summary>
public static class SourcesApi
{
    public static RouteHandlerBuilder MapSourcesApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/sources", GetSources)
            .WithTags("Market")
            .WithName("GetSources")
            .WithSummary("Feed mode (Live, Demo, Off), whether demo data is shown and why, the start-up backfill, and each live source's state, last message, rate, reconnects and backfilled gaps.");

    public static Ok<SourcesReport> GetSources(FeedModeDecision decision, BackfillStatus backfill, IEnumerable<ILiveSource> sources, CoinGeckoSource coinGecko)
    {
        var current = decision.Current;
        var reason = current?.Reason ?? (current is null ? "waiting for a live source before choosing between live and demo data" : null);
        BackfillSummary? summary = current?.Mode == FeedMode.Live
            ? new BackfillSummary(backfill.Reports is not null, (backfill.Reports ?? []).Select(r => new BackfillItem(
                r.Source, Day(r.From), Day(r.To), r.Symbols, r.Ticks, r.CachedTicks, r.Error)).ToArray())
            : null;
        var statuses = sources.Select(s =>
        {
            var h = s.Health;
            var (state, why) = h.Current;
            return new SourceStatus(
                s.Name,
                state.ToString().ToLowerInvariant(),
                why,
                h.LastMessageMs,
                h.MessagesPerSecond,
                h.Reconnects,
                h.GapsBackfilled,
                h.Malformed,
                (long)h.StaleAfter.TotalMilliseconds);
        }).ToArray();
        return TypedResults.Ok(new SourcesReport(current?.Mode.ToString(), decision.Requested.ToString(), current?.Simulated ?? false, reason, summary, coinGecko.CrossCheck, statuses));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
