namespace AltseasonLive.Api.Durability;

/// <summary>
/// Answer of <c>GET /api/ingest/streams/{streamId}</c>: the newest applied request <see cref="Sequence"/> of the stream
/// and its newest applied <see cref="Chunk"/> (0-based; a request is applied in chunks of <c>Ingestion:GrainBatchSize</c> ticks).
/// </summary>
public sealed record StreamStatus(string StreamId, long Sequence, int Chunk);
