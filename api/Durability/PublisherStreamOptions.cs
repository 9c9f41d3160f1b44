using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Api.Durability;

/// <summary>Bounds on publisher streams (configuration section <c>Ingestion:Streams</c>).</summary>
public sealed class PublisherStreamOptions
{
    public const string SectionName = "Ingestion:Streams";

    /// <summary>Largest step from a stream's last applied sequence to the next; a larger one is a 400 (a typo or an attack would blackhole the stream).</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Ingestion:Streams:MaxSequenceJump must be between {1} and {2}.")]
    public long MaxSequenceJump { get; set; } = 1_000_000;

    /// <summary>Most streams one publisher key may hold; a new one beyond it is a 400 until one expires or is reset.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Ingestion:Streams:MaxStreamsPerKey must be between {1} and {2}.")]
    public int MaxStreamsPerKey { get; set; } = 64;

    /// <summary>A stream that has applied nothing for this long is forgotten (at the next checkpoint, or when its key needs room).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00", ErrorMessage = "Ingestion:Streams:IdleExpiry must be between {1} and {2}.")]
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromDays(7);
}
