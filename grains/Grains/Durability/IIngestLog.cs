namespace AltseasonLive.Grains.Durability;

/// <summary>The ingest log's storage: an append-only sequence of batches and the last checkpoint.</summary>
public interface IIngestLog
{
    /// <summary>Appends <paramref name="batch"/>; its position must be the next one. Durable when the task completes.</summary>
    Task AppendAsync(LoggedBatch batch);

    /// <summary>The batches after <paramref name="position"/>, in order.</summary>
    IAsyncEnumerable<LoggedBatch> ReadAfterAsync(long position);

    Task<IngestCheckpoint> ReadCheckpointAsync();

    /// <summary>Saves <paramref name="checkpoint"/> and drops the batches it includes.</summary>
    Task SaveCheckpointAsync(IngestCheckpoint checkpoint);
}
