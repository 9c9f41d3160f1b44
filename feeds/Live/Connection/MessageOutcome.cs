namespace AltseasonLive.Feeds.Live.Connection;

/// <summary>What one received message was, as the connection handler needs to know it.</summary>
public enum MessageOutcome
{
    /// <summary>Market data: the source is alive and fresh.</summary>
    Data,

    /// <summary>A valid protocol message without market data (subscription ack, heartbeat): alive, counts as a message.</summary>
    Control,

    /// <summary>Unparseable or unexpected: skipped and counted; the connection stays.</summary>
    Malformed,

    /// <summary>The server asks for a new connection (e.g. Binance's <c>serverShutdown</c>, a Coinbase sequence gap).</summary>
    Reconnect,
}
