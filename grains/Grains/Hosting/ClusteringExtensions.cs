using System.Net;
using AltseasonLive.Grains.Durability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Clustering.Redis;
using Orleans.Configuration;

namespace AltseasonLive.Grains.Hosting;

/// <summary>Clustering chosen by configuration (<see cref="ClusteringOptions"/>), so a single node and a cluster differ only in settings.</summary>
public static class ClusteringExtensions
{
    /// <summary>
    /// Adds the membership provider that <c>Clustering:Provider</c> names (<see cref="RegistrationChoices.ClusteringProvider"/>,
    /// read while registering) and fills Orleans' cluster, endpoint and membership options from the validated
    /// <see cref="ClusteringOptions"/> once the container exists.
    /// </summary>
    public static ISiloBuilder UseAltseasonClustering(this ISiloBuilder silo, IConfiguration config)
    {
        var services = silo.Services;
        services.AddValidatedOptions<ClusteringOptions>(config, ClusteringOptions.SectionName);
        services.AddOptions<ClusterOptions>().Configure<IOptions<ClusteringOptions>>((cluster, clustering) =>
        {
            cluster.ClusterId = clustering.Value.ClusterId;
            cluster.ServiceId = clustering.Value.ServiceId;
        });

        if (config.ClusteringProvider() == ClusteringProvider.Localhost)
        {
            // The development membership of one machine; its primary silo is this silo's endpoint, read when resolved.
            silo.UseLocalhostClustering();
            services.AddOptions<EndpointOptions>().Configure<IOptions<ClusteringOptions>>((endpoint, clustering) =>
            {
                endpoint.SiloPort = clustering.Value.SiloPort;
                endpoint.GatewayPort = clustering.Value.GatewayPort;
            });
            return silo;
        }

        silo.UseRedisClustering(_ => { });
        silo.AddAltseasonIngestLog(config);
        services.AddOptions<RedisClusteringOptions>().Configure<IOptions<ClusteringOptions>>((redis, clustering) =>
            redis.ConfigurationOptions = RedisConfiguration.Parse(clustering.Value.ConnectionString ?? ""));
        services.AddOptions<ClusterMembershipOptions>().Configure<IOptions<ClusteringOptions>>((membership, clustering) =>
        {
            membership.ProbeTimeout = clustering.Value.ProbeTimeout;
            membership.NumMissedProbesLimit = clustering.Value.MissedProbes;
            membership.NumVotesForDeathDeclaration = clustering.Value.DeathVotes;
        });
        services.AddOptions<EndpointOptions>().Configure<IOptions<ClusteringOptions>>((endpoint, clustering) =>
        {
            var options = clustering.Value;
            var advertised = options.AdvertisedIPAddress is { Length: > 0 } configured ? IPAddress.Parse(configured) : null;
            if (advertised is not null)
            {
                // Otherwise Orleans picks the host's first non-loopback address.
                endpoint.AdvertisedIPAddress = advertised;
            }

            endpoint.SiloPort = options.SiloPort;
            endpoint.GatewayPort = options.GatewayPort;
            if (advertised is null || !IPAddress.IsLoopback(advertised))
            {
                endpoint.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, options.SiloPort);
                endpoint.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, options.GatewayPort);
            }
        });
        return silo;
    }
}
