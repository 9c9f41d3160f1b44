using System.Globalization;
using AltseasonLive.Testing;

namespace AltseasonLive.Cluster.Tests;

/// <summary>Calls per Redis command from <c>INFO commandstats</c> (<c>cmdstat_hset:calls=12,usec=...</c>).</summary>
public static class RedisCommandStats
{
    public static async Task<Dictionary<string, long>> ReadAsync(RedisProcess redis)
    {
        var calls = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in (await redis.CommandAsync("INFO commandstats")).Split('\n', StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith("cmdstat_", StringComparison.Ordinal))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = line[(colon + 1)..].Split(',')[0];
            calls[line["cmdstat_".Length..colon]] = long.Parse(field["calls=".Length..], CultureInfo.InvariantCulture);
        }

        return calls;
    }

    /// <summary>Calls made between two readings, per command, leaving out the probes' own (info, ping, dbsize).</summary>
    public static Dictionary<string, long> Since(Dictionary<string, long> before, Dictionary<string, long> after) =>
        after.Where(p => p.Key is not ("info" or "ping" or "dbsize"))
            .Select(p => (p.Key, Calls: p.Value - before.GetValueOrDefault(p.Key)))
            .Where(p => p.Calls > 0)
            .ToDictionary(p => p.Key, p => p.Calls);
}
