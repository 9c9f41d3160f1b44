using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace AltseasonLive.Grains.Hosting;

/// <summary>Clustering chosen by configuration (<see cref="ClusteringOptions"/>), so a single node and a cluster differ only in settings.</summary>
public static class ClusteringExtensions
{
    public static ISiloBuilder UseAltseasonClustering(this ISiloBuilder silo, IConfiguration config)
    {
        var options = config.GetSection(ClusteringOptions.SectionName).Get<ClusteringOptions>() ?? new ClusteringOptions();
        if (options.Provider == ClusteringProvider.Localhost)
        {
            return silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new OptionsValidationException(ClusteringOptions.SectionName, typeof(ClusteringOptions), ["Clustering:ConnectionString is required when Clustering:Provider is AdoNet."]);
        }

        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        silo.UseAdoNetClustering(adoNet =>
        {
            adoNet.Invariant = options.Invariant;
            adoNet.ConnectionString = options.ConnectionString;
        });
        return options.AdvertisedIPAddress is { Length: > 0 } address
            ? silo.ConfigureEndpoints(IPAddress.Parse(address), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true)
            : silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
    }
}
