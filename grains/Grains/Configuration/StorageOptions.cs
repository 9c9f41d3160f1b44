using System.ComponentModel.DataAnnotations;
using AltseasonLive.Grains.Hosting;

namespace AltseasonLive.Grains.Configuration;

/// <summary>Where grain state lives (section "Storage").</summary>
public enum StorageProvider
{
    /// <summary>Embedded SQLite file: one machine, no database server.</summary>
    Sqlite,
    /// <summary>Orleans' Redis provider: shared by every node of a cluster.</summary>
    Redis,
    /// <summary>In memory: state is lost on restart (tests, demos).</summary>
    Memory,
}

/// <summary>
/// Grain storage choice (section "Storage"). Unset <see cref="Provider"/> follows the clustering: Redis (on
/// <c>Clustering:ConnectionString</c>) in a Redis cluster, Sqlite otherwise. Sqlite uses <see cref="SqlitePath"/> unless
/// <see cref="ConnectionString"/> is set; Redis uses <see cref="ConnectionString"/> or else the cluster's Redis.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Null: chosen by <see cref="ProviderFor"/> from the clustering.</summary>
    public StorageProvider? Provider { get; set; }

    [Required]
    public string SqlitePath { get; set; } = Path.Combine("data-local", "altseasonlive.db");

    public string? ConnectionString { get; set; }

    /// <summary>Minimum wall-clock ms between state writes of a busy grain; state is also written on deactivation.</summary>
    [Range(0, int.MaxValue)]
    public int WriteIntervalMs { get; set; } = 2_000;

    /// <summary>
    /// Sqlite only, one node only: grain writes stay in memory and are committed together, with the ingest-journal
    /// position, by <see cref="Storage.IStateCheckpoint"/> (the api turns this on with its ingest journal, <c>Durability:Enabled</c>).
    /// </summary>
    public bool Checkpointed { get; set; }

    /// <summary>The provider in force: <see cref="Provider"/> if set, else Redis for a Redis cluster and Sqlite for one node.</summary>
    public StorageProvider ProviderFor(ClusteringOptions clustering) =>
        Provider ?? (clustering.IsCluster ? StorageProvider.Redis : StorageProvider.Sqlite);

    /// <summary>The Redis configuration string for the Redis provider: <see cref="ConnectionString"/>, else the cluster's.</summary>
    public string? RedisConnectionFor(ClusteringOptions clustering) =>
        string.IsNullOrWhiteSpace(ConnectionString) ? clustering.ConnectionString : ConnectionString;
}
