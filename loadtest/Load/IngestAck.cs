namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// The counts of the api's reply to a batch (a WebSocket frame ack or a POST summary); other fields of the reply are
/// ignored. <see cref="Error"/> is set when the whole frame was unreadable.
/// </summary>
public sealed record IngestAck(int Received, int Accepted, int Rejected, string? Error);
