namespace AltseasonLive.Api.Apis;

/// <summary>
/// Ticks seen by the ingestion endpoints since start (<c>POST /api/ticks</c> and <c>/api/ticks/ws</c>), for
/// <c>GET /api/stats</c>: received = items in a request or frame, accepted = taken by the grains, rejected = refused
/// at parse time or by the grains (an unreadable frame counts all its items as rejected).
/// </summary>
public sealed class IngestCounters
{
    private long _received;
    private long _accepted;
    private long _rejected;
    private long _batches;

    public long Received => Interlocked.Read(ref _received);

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Requests and WebSocket frames answered.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    public void Record(int received, int accepted, int rejected)
    {
        Interlocked.Add(ref _received, received);
        Interlocked.Add(ref _accepted, accepted);
        Interlocked.Add(ref _rejected, rejected);
        Interlocked.Increment(ref _batches);
    }
}
