using AltseasonLive.Api.Apis;
using AltseasonLive.Api.Telemetry;
using OpenTelemetry.Metrics;

namespace AltseasonLive.Api.Extensions;

/// <summary>
/// Metrics: the product's meters (<c>AltseasonLive.*</c>: ingestion, grains, push) beside ASP.NET Core's, the runtime's
/// and Orleans' (<c>Microsoft.Orleans</c>), collected by OpenTelemetry and exported in Prometheus text at
/// <c>GET /metrics</c>; <c>GET /api/stats</c> reads the same instruments through <see cref="MetricsView"/>.
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>The meter Orleans records its runtime instruments on (messaging, grains, storage, …).</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddAltseasonTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<MetricsView>();
        services.AddSingleton<ServerStatsView>();
        services.AddHostedService(sp => sp.GetRequiredService<ServerStatsView>());
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(MetricsView.MeterPrefix + "*")
            .AddMeter(OrleansMeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return services;
    }

    public static WebApplication MapAltseasonMetrics(this WebApplication app)
    {
        // Listening before the hosted services start, so that /api/stats counts from the first tick of the replay.
        app.Services.GetRequiredService<MetricsView>();
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }
}
