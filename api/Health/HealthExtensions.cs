using AltseasonLive.Api.Extensions;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AltseasonLive.Api.Health;

/// <summary>
/// Liveness (<c>GET /healthz</c>: the process serves requests) and readiness (<c>GET /readyz</c>, JSON: the silo is
/// active in the cluster, grain storage answers, crash recovery is done). A load balancer sends clients only to ready nodes.
/// </summary>
public static class HealthExtensions
{
    public static IServiceCollection AddAltseasonHealth(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks()
            .AddCheck<SiloActiveHealthCheck>("silo", tags: [HealthTags.Ready])
            .AddCheck<RecoveryHealthCheck>("recovery", tags: [HealthTags.Ready]);

        var clustering = configuration.ReadClustering();
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        switch (storage.ProviderFor(clustering))
        {
            case StorageProvider.Redis when storage.RedisConnectionFor(clustering) is { Length: > 0 } redis:
                services.AddSingleton(new RedisProbe(redis));
                checks.AddCheck<RedisHealthCheck>("storage", tags: [HealthTags.Ready]);
                break;
            case StorageProvider.Sqlite when string.IsNullOrWhiteSpace(storage.ConnectionString):
                checks.Add(new HealthCheckRegistration("storage", _ => new SqliteHealthCheck(storage.SqlitePath), null, [HealthTags.Ready]));
                break;
        }

        return services;
    }

    public static IEndpointRouteBuilder MapAltseasonHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteTextAsync })
            .WithTags("Health").RequireCors(BrowserCorsOptions.PolicyName);
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = r => r.Tags.Contains(HealthTags.Ready), ResponseWriter = HealthReportWriter.WriteJsonAsync })
            .WithTags("Health").RequireCors(BrowserCorsOptions.PolicyName);
        return app;
    }
}
