using AltseasonLive.Api.Extensions;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Health;

/// <summary>
/// Liveness (<c>GET /healthz</c>: the process serves requests) and readiness (<c>GET /readyz</c>, JSON: the silo is
/// active in the cluster, grain storage answers, crash recovery is done). A load balancer sends clients only to ready nodes.
/// </summary>
public static class HealthExtensions
{
    /// <summary>
    /// Registers the checks. Which storage probe exists follows the storage provider, read while registering
    /// (<see cref="RegistrationChoices.StorageProvider"/>); what it probes comes from the validated options.
    /// </summary>
    public static IServiceCollection AddAltseasonHealth(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks()
            .AddCheck<SiloActiveHealthCheck>("silo", tags: [HealthTags.Ready])
            .AddCheck<RecoveryHealthCheck>("recovery", tags: [HealthTags.Ready]);

        switch (configuration.StorageProvider())
        {
            case StorageProvider.Redis:
                services.AddSingleton(sp => new RedisProbe(
                    sp.GetRequiredService<IOptions<StorageOptions>>().Value.RedisConnectionFor(sp.GetRequiredService<IOptions<ClusteringOptions>>().Value) ?? ""));
                checks.AddCheck<RedisHealthCheck>("storage", tags: [HealthTags.Ready]);
                break;
            case StorageProvider.Sqlite:
                checks.AddCheck<SqliteHealthCheck>("storage", tags: [HealthTags.Ready]);
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
