namespace AltseasonLive.Grains.Interfaces.Durability;

/// <summary>
/// One chunk of a publisher stream (<c>X-Stream-Id</c>, <c>X-Stream-Sequence</c>; a request split into chunks numbers
/// them from 0). Chunks of a stream are ordered by sequence, then chunk.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PublisherChunk(
    [property: Id(0)] string StreamId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] int Chunk)
{
    /// <summary>True when this chunk is at or before <paramref name="other"/> of the same stream.</summary>
    public bool IsAtOrBefore(PublisherChunk other) => Sequence < other.Sequence || (Sequence == other.Sequence && Chunk <= other.Chunk);
}
