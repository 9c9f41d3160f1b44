using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace AltseasonLive.Api.Health;

/// <summary>Ready when the Redis that holds grain state (and membership) answers PING; the data carries the round trip in ms.</summary>
public sealed class RedisHealthCheck(RedisProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await probe.ConnectAsync();
            var latency = await connection.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy("redis answers", new Dictionary<string, object>
            {
                ["endpoint"] = probe.Endpoint,
                ["pingMs"] = latency.TotalMilliseconds,
            });
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"redis {probe.Endpoint} does not answer", e);
        }
    }
}
