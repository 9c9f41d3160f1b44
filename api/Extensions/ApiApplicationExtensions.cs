using AltseasonLive.Api.Apis;
using AltseasonLive.Api.Durability;
using AltseasonLive.Api.Extensions;
using AltseasonLive.Api.Health;
using AltseasonLive.Api.Hubs;
using AltseasonLive.Api.Ingestion;
using AltseasonLive.Api.Operations;

namespace AltseasonLive.Api.Extensions;

/// <summary>The request pipeline and every endpoint, grouped by feature.</summary>
public static class ApiApplicationExtensions
{
    /// <summary>Where the dashboard is served from: web/public, copied next to the binaries as wwwroot.</summary>
    public static string WebRootPath => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    public static WebApplication UseAltseasonApi(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebSockets();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseCors();
        app.UseRateLimiter();

        // Created now so that a generated development key is logged at start-up, not at the first publish.
        app.Services.GetRequiredService<IngestionKeyStore>();

        app.MapOpenApi().RequireCors(BrowserCorsOptions.PolicyName);
        app.MapAltseasonHealth();
        app.MapAltseasonDashboard();
        app.MapHub<MarketHub>("/hubs/market").RequireCors(BrowserCorsOptions.PolicyName);
        app.MapTicksApi();
        app.MapDurabilityApi();
        app.MapSnapshotsApi().RequireCors(BrowserCorsOptions.PolicyName);
        app.MapEventsApi().RequireCors(BrowserCorsOptions.PolicyName);
        app.MapHistoryApi().RequireCors(BrowserCorsOptions.PolicyName);
        app.MapClaimsApi().RequireCors(BrowserCorsOptions.PolicyName);
        app.MapStatsApi().RequireCors(BrowserCorsOptions.PolicyName);
        app.MapSourcesApi().RequireCors(BrowserCorsOptions.PolicyName);
        app.MapAltseasonMetrics();
        return app;
    }
}
