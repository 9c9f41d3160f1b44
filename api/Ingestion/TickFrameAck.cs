using System.Collections.Immutable;

namespace AltseasonLive.Api.Ingestion;

/// <summary>
/// Reply to one text frame of the tick WebSocket: <see cref="Frame"/> counts frames from 1 on this connection;
/// <see cref="Error"/> is set when the frame as a whole was unreadable (nothing from it was published).
/// </summary>
public sealed record TickFrameAck(
    long Frame,
    int Received,
    int Accepted,
    int Rejected,
    ImmutableArray<IngestRejection> Rejections,
    string? Error);
