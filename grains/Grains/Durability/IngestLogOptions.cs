using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Grains.Durability;

/// <summary>
/// The cluster's ingest log (configuration section <c>IngestLog</c>): a Redis stream that every accepted batch is appended
/// to before it is applied and acknowledged. On whenever the cluster runs on Redis (<c>Clustering:Provider=Redis</c>)
/// and <c>Durability:Enabled</c> is not false.
/// </summary>
public sealed class IngestLogOptions
{
    public const string SectionName = "IngestLog";

    /// <summary>Redis of the log; empty: the cluster's (<c>Clustering:ConnectionString</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Key prefix of the log's stream (<c>{prefix}:batches</c>) and checkpoint (<c>{prefix}:checkpoint</c>).</summary>
    [Required, MinLength(1)]
    public string KeyPrefix { get; set; } = "altseason:ingest";

    /// <summary>How often every changed grain state is written and the log before it dropped; a lost node costs a replay of at most this much.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(5);
}
