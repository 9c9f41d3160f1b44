using AltseasonLive.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace AltseasonLive.Grains.Durability;

/// <summary>Registration of the cluster's ingest log (<see cref="IngestLogOptions"/>) on a silo that clusters on Redis.</summary>
public static class IngestLogExtensions
{
    /// <summary>The log's Redis is <c>IngestLog:ConnectionString</c>, else the cluster's.</summary>
    public static ISiloBuilder AddAltseasonIngestLog(this ISiloBuilder silo, IConfiguration config)
    {
        silo.Services.AddValidatedOptions<IngestLogOptions>(config, IngestLogOptions.SectionName);
        silo.Services.AddSingleton<IIngestLog>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<IngestLogOptions>>().Value;
            var connectionString = options.ConnectionString is { Length: > 0 } own ? own
                : sp.GetRequiredService<IOptions<ClusteringOptions>>().Value.ConnectionString ?? "";
            return new RedisIngestLog(connectionString, options.KeyPrefix, sp.GetRequiredService<Serializer>());
        });
        return silo;
    }
}
