using Microsoft.AspNetCore.Http.HttpResults;

namespace AltseasonLive.Api.Apis;

/// <summary><c>GET /api/stats</c>: the server's own counters (ingestion, browser push, process), for load tests and operators.</summary>
public static class StatsApi
{
    public static RouteHandlerBuilder MapStatsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/stats", GetStats)
            .WithTags("Operations")
            .WithName("GetStats")
            .WithSummary("Server counters: ticks received/accepted/rejected, hub connections, series offered/coalesced/dropped, messages sent, dropped clients, outbox backlog, GC heap, working set, CPU, uptime.");

    public static Ok<ServerStats> GetStats(ServerStatsView stats) => TypedResults.Ok(stats.Current());
}
