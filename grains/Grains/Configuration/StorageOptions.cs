namespace AltseasonLive.Grains.Configuration;

/// <summary>Where grain state lives (section "Storage").</summary>
public enum StorageProvider
{
    /// <summary>Embedded SQLite file: one machine, no database server.</summary>
    Sqlite,
    /// <summary>Orleans ADO.NET provider (PostgreSQL via Npgsql) for a cluster.</summary>
    AdoNet,
    /// <summary>In memory: state is lost on restart (tests, demos).</summary>
    Memory,
}

/// <summary>
/// Grain storage choice (section "Storage"). Sqlite uses <see cref="SqlitePath"/> unless <see cref="ConnectionString"/>
/// is set. AdoNet needs <see cref="ConnectionString"/> and <see cref="Invariant"/> (default "Npgsql") and a database
/// prepared with Orleans' PostgreSQL-Main.sql and PostgreSQL-Persistence.sql (see grains/Grains/Storage/README.md).
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public string SqlitePath { get; set; } = Path.Combine("data-local", "altseasonlive.db");

    public string? ConnectionString { get; set; }

    public string Invariant { get; set; } = "Npgsql";

    /// <summary>Minimum wall-clock ms between state writes of a busy grain; state is also written on deactivation.</summary>
    public int WriteIntervalMs { get; set; } = 2_000;

    /// <summary>
    /// Sqlite only, one node only: grain writes stay in memory and are committed together, with the ingest-journal
    /// position, by <see cref="Storage.IStateCheckpoint"/> (the api turns this on with its ingest journal, <c>Durability:Enabled</c>).
    /// </summary>
    public bool Checkpointed { get; set; }
}
