namespace AltseasonLive.Feeds.Live.Connection;

/// <summary>
/// The source-specific half of a streaming bridge: what to send after every connect, how to fill the gap a reconnect
/// left, and how to read one message. <see cref="StreamConnection"/> owns the socket and its liveness.
/// </summary>
public interface IStreamProtocol
{
    /// <summary>The subscribe messages to send after every connect (UTF-8 JSON text).</summary>
    IReadOnlyList<string> SubscribeMessages();

    /// <summary>After a reconnect and resubscribe, before the stream is trusted: fetch what was missed over REST.</summary>
    /// <returns>True when a gap was filled.</returns>
    Task<bool> BackfillGapAsync(ITickSink sink, CancellationToken cancellationToken);

    /// <summary>Reads one text message and publishes its ticks.</summary>
    ValueTask<MessageOutcome> HandleAsync(ReadOnlyMemory<byte> message, ITickSink sink, CancellationToken cancellationToken);
}
