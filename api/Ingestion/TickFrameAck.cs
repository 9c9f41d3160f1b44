using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace AltseasonLive.Api.Ingestion;

/// <summary>
/// Reply to one text frame of the tick WebSocket: <see cref="Frame"/> counts frames from 1 on this connection;
/// <see cref="Error"/> is set when nothing of the frame was published (unreadable, or refused by a rate limit: then
/// <see cref="Reason"/> holds the limit's code, e.g. <c>TickRateExceeded</c>, and <see cref="RetryAfterSeconds"/> when it
/// will pass; a frame refused before parsing reports 0 received).
/// </summary>
public sealed record TickFrameAck(
    long Frame,
    int Received,
    int Accepted,
    int Rejected,
    ImmutableArray<IngestRejection> Rejections,
    string? Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? RetryAfterSeconds = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int RejectionsOmitted = 0);
