namespace AltseasonLive.LoadTest.Load;

/// <summary>How publishers reach the ingestion api.</summary>
public enum PublishTransport
{
    /// <summary>One <c>/api/ticks/ws</c> WebSocket per publisher; one JSON array per text frame, acknowledged per frame.</summary>
    WebSocket,

    /// <summary><c>POST /api/ticks</c> with one JSON array per request.</summary>
    Http,
}
