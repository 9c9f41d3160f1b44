using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace AltseasonLive.Grains.Hosting;

/// <summary>Clustering chosen by configuration (<see cref="ClusteringOptions"/>), so a single node and a cluster differ only in settings.</summary>
public static class ClusteringExtensions
{
    /// <summary>The section <c>Clustering</c> as bound now (the silo's providers are chosen before the container exists).</summary>
    public static ClusteringOptions ReadClustering(this IConfiguration config) =>
        config.GetSection(ClusteringOptions.SectionName).Get<ClusteringOptions>() ?? new ClusteringOptions();

    public static ISiloBuilder UseAltseasonClustering(this ISiloBuilder silo, IConfiguration config)
    {
        silo.Services.AddOptions<ClusteringOptions>().BindConfiguration(ClusteringOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var options = config.ReadClustering();
        if (options.Provider == ClusteringProvider.Localhost)
        {
            return silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new OptionsValidationException(ClusteringOptions.SectionName, typeof(ClusteringOptions), ["Clustering:ConnectionString is required when Clustering:Provider is Redis."]);
        }

        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        silo.Configure<ClusterMembershipOptions>(membership =>
        {
            membership.ProbeTimeout = options.ProbeTimeout;
            membership.NumMissedProbesLimit = options.MissedProbes;
            membership.NumVotesForDeathDeclaration = options.DeathVotes;
        });
        var connectionString = options.ConnectionString;
        silo.UseRedisClustering(redis => redis.ConfigurationOptions = RedisConfiguration.Parse(connectionString));
        if (options.AdvertisedIPAddress is not { Length: > 0 } advertised)
        {
            return silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        }

        var address = IPAddress.Parse(advertised);
        return silo.ConfigureEndpoints(address, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
    }
}
