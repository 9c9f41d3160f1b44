using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Grains.Interfaces.Durability;

/// <summary>
/// The cluster's one ingest path (key 0) when the ingest log is on: each batch is appended to the log in Redis before
/// it is applied, batches are applied one at a time in log order, and after a node is lost the log since the last
/// checkpoint is applied again (every grain skips what its state already includes). Publisher streams are deduplicated
/// here, so a request resent to another node is applied once.
/// </summary>
public interface IIngestLogGrain : IGrainWithIntegerKey
{
    /// <summary>Logs and applies one batch; null for a chunk of a publisher stream at or before its last logged one (neither logged nor applied again).</summary>
    /// <param name="ticks">The batch, as received.</param>
    /// <param name="chunk">Its publisher-stream chunk, when the publisher numbers its requests.</param>
    /// <param name="receivedMs">When the node received the batch, UTC epoch ms.</param>
    Task<TickBatchResult?> Ingest(ImmutableArray<Tick> ticks, PublisherChunk? chunk, long receivedMs);

    /// <summary>The newest logged chunk of a publisher stream, or null when unknown.</summary>
    Task<PublisherChunk?> GetStream(string streamId);

    /// <summary>Forgets a publisher stream (its owner may start again from any sequence); false when unknown.</summary>
    Task<bool> ResetStream(string streamId);
}
