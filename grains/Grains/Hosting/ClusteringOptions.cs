namespace AltseasonLive.Grains.Hosting;

/// <summary>How silos find each other: one machine on loopback (default), or several nodes sharing an ADO.NET membership table.</summary>
public enum ClusteringProvider
{
    Localhost,
    AdoNet,
}

/// <summary>
/// Section <c>Clustering</c>. Localhost needs nothing; AdoNet (PostgreSQL via Npgsql for a cluster) needs a connection
/// string to a database that holds Orleans' membership tables. Ports are TCP ports on this host.
/// </summary>
public sealed class ClusteringOptions
{
    public const string SectionName = "Clustering";

    public ClusteringProvider Provider { get; set; } = ClusteringProvider.Localhost;

    public string ClusterId { get; set; } = "altseasonlive";

    public string ServiceId { get; set; } = "altseasonlive";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>ADO.NET invariant name of the membership database driver.</summary>
    public string Invariant { get; set; } = "Npgsql";

    public string? ConnectionString { get; set; }

    /// <summary>Address other silos reach this one at (AdoNet only); defaults to the host's first non-loopback address.</summary>
    public string? AdvertisedIPAddress { get; set; }
}
