using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace AltseasonLive.Api.Health;

/// <summary>Ready when this node's co-hosted silo is Active in the cluster's membership (it can host and call grains).</summary>
public sealed class SiloActiveHealthCheck(IClusterMembershipService membership, ILocalSiloDetails local) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(local.SiloAddress);
        var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        var data = new Dictionary<string, object>
        {
            ["silo"] = local.SiloAddress.ToParsableString(),
            ["status"] = status.ToString(),
            ["activeSilos"] = active,
        };
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo active, {active} active silo(s) in the cluster", data)
            : HealthCheckResult.Unhealthy($"silo is {status}", data: data));
    }
}
