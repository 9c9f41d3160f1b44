using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Api.Ingestion;

/// <summary>
/// Feed ingestion settings (configuration section <c>Ingestion</c>). <see cref="Keys"/> come from configuration or the
/// environment (<c>Ingestion__Keys__0=...</c>), never from the repository; when none is set a development key is
/// generated in the data folder and logged.
/// </summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>Bearer keys allowed to publish ticks.</summary>
    public List<string> Keys { get; set; } = [];

    /// <summary>Largest request body or WebSocket frame, in bytes.</summary>
    [Range(1024, 256 * 1024 * 1024, ErrorMessage = "Ingestion:MaxRequestBytes must be between {1} and {2}.")]
    public long MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most ticks in one request or frame.</summary>
    [Range(1, 10_000_000, ErrorMessage = "Ingestion:MaxItems must be between {1} and {2}.")]
    public int MaxItems { get; set; } = 50_000;

    /// <summary>
    /// Largest WebSocket message (<c>/api/ticks/ws</c>), in bytes: the receive buffer of a connection grows to at most
    /// this (or <see cref="MaxRequestBytes"/> when smaller), well below the request limit, so that many half-sent frames
    /// cannot pin much memory.
    /// </summary>
    [Range(1024, 64 * 1024 * 1024, ErrorMessage = "Ingestion:MaxFrameBytes must be between {1} and {2}.")]
    public int MaxFrameBytes { get; set; } = 256 * 1024;

    /// <summary>Time from the first fragment of a WebSocket message to its last; a frame still unfinished then closes the connection.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ErrorMessage = "Ingestion:FrameTimeout must be between {1} and {2}.")]
    public TimeSpan FrameTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most concurrent <c>/api/ticks/ws</c> connections per publisher key; one more is a 429.</summary>
    [Range(1, 100_000, ErrorMessage = "Ingestion:MaxConnectionsPerKey must be between {1} and {2}.")]
    public int MaxConnectionsPerKey { get; set; } = 8;

    /// <summary>Most rejections listed in one reply; the rest are counted (<c>rejectionsOmitted</c>), so 50 000 bad items cannot make a 7 MB answer.</summary>
    [Range(0, 1_000_000, ErrorMessage = "Ingestion:MaxListedRejections must be between {1} and {2}.")]
    public int MaxListedRejections { get; set; } = 100;

    /// <summary>Ticks per call to the ingest grain; larger requests are split.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Ingestion:GrainBatchSize must be between {1} and {2}.")]
    public int GrainBatchSize { get; set; } = 5_000;
}
