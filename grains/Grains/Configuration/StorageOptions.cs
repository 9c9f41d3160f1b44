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
/// <c>Clustering:ConnectionString</c>) in a Redis cluster, Sqlite otherwise. Sqlite uses <see cref="SqliteFile"/> unless
/// <see cref="ConnectionString"/> is set; Redis uses <see cref="ConnectionString"/> or else the cluster's.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Null: chosen by <see cref="ProviderFor(ClusteringOptions)"/> from the clustering.</summary>
    public StorageProvider? Provider { get; set; }

    /// <summary>The SQLite file. Unset: <see cref="DefaultSqlitePath"/> (the api puts it in its <c>Data:Folder</c> instead).</summary>
    public string? SqlitePath { get; set; }

    public string? ConnectionString { get; set; }

    /// <summary>Least wall time between state writes of a busy grain; state is also written on deactivation.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Storage:WriteInterval must be between {1} and {2}.")]
    public TimeSpan WriteInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Sqlite only, one node only: grain writes stay in memory and are committed together, with the ingest-journal
    /// position, by <see cref="Storage.IStateCheckpoint"/> (the api turns this on with its ingest journal, <c>Durability:Enabled</c>).
    /// </summary>
    public bool Checkpointed { get; set; }

    /// <summary>Where the SQLite file goes when <see cref="SqlitePath"/> is unset, relative to the working directory.</summary>
    public static string DefaultSqlitePath { get; } = Path.Combine("data-local", "altseasonlive.db");

    /// <summary>The SQLite file in force: <see cref="SqlitePath"/>, or <see cref="DefaultSqlitePath"/> when it is unset.</summary>
    public string SqliteFile => string.IsNullOrWhiteSpace(SqlitePath) ? DefaultSqlitePath : SqlitePath;

    /// <summary>The provider in force: <see cref="Provider"/> if set, else Redis for a Redis cluster and Sqlite for one node.</summary>
    public StorageProvider ProviderFor(ClusteringOptions clustering) => ProviderFor(Provider, clustering.Provider);

    /// <summary>The provider in force for a configured <paramref name="provider"/> (or none) and a clustering provider.</summary>
    public static StorageProvider ProviderFor(StorageProvider? provider, ClusteringProvider clustering) =>
        provider ?? (clustering == ClusteringProvider.Redis ? StorageProvider.Redis : StorageProvider.Sqlite);

    /// <summary>The Redis configuration string for the Redis provider: <see cref="ConnectionString"/>, else the cluster's.</summary>
    public string? RedisConnectionFor(ClusteringOptions clustering) =>
        string.IsNullOrWhiteSpace(ConnectionString) ? clustering.ConnectionString : ConnectionString;
}
