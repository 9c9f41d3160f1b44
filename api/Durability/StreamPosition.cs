namespace AltseasonLive.Api.Durability;

/// <summary>
/// Where a grain-sized chunk sits in a publisher's stream: the publisher's request sequence number and the chunk's
/// index within that request (a request larger than <c>Ingestion:GrainBatchSize</c> is applied in several chunks).
/// Ordered by sequence, then chunk.
/// </summary>
public readonly record struct StreamPosition(string StreamId, long Sequence, int Chunk) : IComparable<StreamPosition>
{
    public int CompareTo(StreamPosition other)
    {
        var order = Sequence.CompareTo(other.Sequence);
        return order != 0 ? order : Chunk.CompareTo(other.Chunk);
    }
}
