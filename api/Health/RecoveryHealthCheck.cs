using AltseasonLive.Api.Durability;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AltseasonLive.Api.Health;

/// <summary>Ready once crash recovery has replayed the ingest journal (before that, ingestion waits); healthy when durability is off.</summary>
public sealed class RecoveryHealthCheck(DurableTickSink? publisher = null) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(publisher switch
        {
            null => HealthCheckResult.Healthy("no ingest journal on this node"),
            { Recovered: true } => HealthCheckResult.Healthy("journal replayed", new Dictionary<string, object> { ["position"] = publisher.AppliedPosition }),
            _ => HealthCheckResult.Unhealthy("replaying the ingest journal"),
        });
}
