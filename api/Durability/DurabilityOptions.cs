using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Api.Durability;

/// <summary>
/// Crash recovery (section <c>Durability</c>): every tick batch is appended to a write-ahead journal in the data folder
/// before it is applied, and grain state is checkpointed with the journal position every <see cref="CheckpointInterval"/>.
/// Needs the SQLite grain storage (<c>Storage:Provider</c> Sqlite) on one node; otherwise it is off.
/// </summary>
public sealed class DurabilityOptions
{
    public const string SectionName = "Durability";

    public bool Enabled { get; set; } = true;

    /// <summary>Wall time between checkpoints (ingestion pauses for the duration of one).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00", ErrorMessage = "Durability:CheckpointInterval must be between {1} and {2}.")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// False (default): each journal record is handed to the operating system before the batch is applied, which
    /// survives a killed process. True: also forced to the disk (survives power loss, much slower).
    /// </summary>
    public bool FlushToDisk { get; set; }

    /// <summary>
    /// Journal folder, relative to <c>Data:Folder</c>. Default: beside the SQLite file (<c>&lt;Storage:SqlitePath&gt;.journal</c>),
    /// so the journal always travels with the state it continues.
    /// </summary>
    public string? JournalFolder { get; set; }
}
