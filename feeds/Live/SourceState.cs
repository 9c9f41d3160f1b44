namespace AltseasonLive.Feeds.Live;

/// <summary>A live source's state as <c>GET /api/sources</c> reports it (lower-case in JSON).</summary>
public enum SourceState
{
    Disabled,
    Reconnecting,
    Connected,
    Stale,
    Error,
}
