using System.ComponentModel.DataAnnotations;
using System.Net;

namespace AltseasonLive.Grains.Hosting;

/// <summary>How silos find each other: one machine on loopback (default), or several nodes sharing one Redis.</summary>
public enum ClusteringProvider
{
    Localhost,
    Redis,
}

/// <summary>
/// Section <c>Clustering</c>. Localhost needs nothing. Redis needs <see cref="ConnectionString"/> (<c>HOST:PORT</c> or any
/// StackExchange.Redis configuration string); grain storage and the ingest log then use the same Redis unless
/// <c>Storage:*</c> or <c>Durability:*</c> say otherwise. Ports are TCP ports on this host.
/// </summary>
public sealed class ClusteringOptions : IValidatableObject
{
    public const string SectionName = "Clustering";

    public ClusteringProvider Provider { get; set; } = ClusteringProvider.Localhost;

    [Required(ErrorMessage = "Clustering:ClusterId is required.")]
    public string ClusterId { get; set; } = "altseasonlive";

    [Required(ErrorMessage = "Clustering:ServiceId is required.")]
    public string ServiceId { get; set; } = "altseasonlive";

    /// <summary>Silo-to-silo port.</summary>
    [Range(1, 65535, ErrorMessage = "Clustering:SiloPort must be between {1} and {2}.")]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port.</summary>
    [Range(1, 65535, ErrorMessage = "Clustering:GatewayPort must be between {1} and {2}.")]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Redis of the membership table (Redis only), e.g. <c>redis:6379</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Address other silos reach this one at (Redis only). Default: the host's first non-loopback address, listening on
    /// all addresses. A loopback address (<c>127.0.0.1</c>, several nodes on one machine) listens on loopback only.
    /// </summary>
    public string? AdvertisedIPAddress { get; set; }

    // Orleans' failure detector (Redis only): a node that misses MissedProbes probes of ProbeTimeout each, as seen by
    // DeathVotes other nodes, is declared dead and its grains reactivate elsewhere. The defaults are Orleans' production
    // values (a dead node is declared dead after about 15-30 s; a slow network does not evict a live one). A test or a
    // one-machine trial uses ProbeTimeout 00:00:01, MissedProbes 2, DeathVotes 1: declared dead within a few seconds.

    /// <summary>Time one membership probe waits for its answer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Clustering:ProbeTimeout must be between {1} and {2}.")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Probes a node may miss in a row before another node suspects it.</summary>
    [Range(1, 100, ErrorMessage = "Clustering:MissedProbes must be between {1} and {2}.")]
    public int MissedProbes { get; set; } = 3;

    /// <summary>Suspicions from distinct nodes that declare a node dead (fewer suffice when fewer nodes are alive).</summary>
    [Range(1, 100, ErrorMessage = "Clustering:DeathVotes must be between {1} and {2}.")]
    public int DeathVotes { get; set; } = 2;

    /// <summary>True when <see cref="Provider"/> is Redis: several nodes share state, so per-node files cannot hold it.</summary>
    public bool IsCluster => Provider == ClusteringProvider.Redis;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsCluster && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(ConnectionString)} is required when {SectionName}:{nameof(Provider)} is Redis.", [nameof(ConnectionString)]);
        }

        if (AdvertisedIPAddress is { Length: > 0 } advertised && !IPAddress.TryParse(advertised, out _))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(AdvertisedIPAddress)} must be an IP address, not '{advertised}'.", [nameof(AdvertisedIPAddress)]);
        }
    }
}
