using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace AltseasonLive.Feeds.Live.Connection;

/// <summary>
/// Owns one streaming source's WebSocket and its liveness (CryptoExchange.Net's socket connection, Lean's
/// connection handler): connects, sends the subscribe messages spaced to the outbound limit, fills the gap over REST
/// after a reconnect, then reads messages under an idle watchdog. It reconnects on a drop, on silence, when the protocol
/// asks (server shutdown, sequence gap) and ahead of <see cref="StreamConnectionOptions.MaxConnectionAge"/>, after a
/// jittered exponential back-off that resets once a connection delivered a message. WebSocket ping frames are answered
/// with pongs by the socket itself.
/// </summary>
public sealed partial class StreamConnection(
    Uri url,
    IStreamProtocol protocol,
    StreamConnectionOptions options,
    SourceHealth health,
    TimeProvider time,
    ILogger logger)
{
    private const int InitialBufferBytes = 64 * 1024;

    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(ITickSink sink, CancellationToken cancellationToken)
    {
        var backoff = new ReconnectBackoff(options.ReconnectInitial, options.ReconnectCap);
        var buffer = new byte[InitialBufferBytes];
        var attempt = 0;
        var connectedBefore = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            string reason;
            var delivered = false;
            try
            {
                using var socket = new ClientWebSocket();
                using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    connectTimeout.CancelAfter(options.ConnectTimeout);
                    await socket.ConnectAsync(url, connectTimeout.Token).ConfigureAwait(false);
                }

                await SubscribeAsync(socket, cancellationToken).ConfigureAwait(false);
                if (connectedBefore && await protocol.BackfillGapAsync(sink, cancellationToken).ConfigureAwait(false))
                {
                    health.GapBackfilled();
                }

                connectedBefore = true;
                (reason, delivered, buffer) = await ReceiveAsync(socket, sink, buffer, cancellationToken).ConfigureAwait(false);
                if (socket.State == WebSocketState.Open)
                {
                    using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), time);
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", closeTimeout.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or OperationCanceledException or IOException or TimeoutException)
            {
                reason = ex is OperationCanceledException ? "connect timed out" : ex.Message;
            }

            if (delivered)
            {
                attempt = 0;
            }

            var pause = backoff.Delay(attempt++, Random.Shared.NextDouble());
            health.Reconnecting(reason);
            LogReconnecting(health.Name, reason, (long)pause.TotalMilliseconds);
            try
            {
                await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task SubscribeAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var spacing = TimeSpan.FromSeconds(1 / options.MaxOutboundPerSecond);
        var first = true;
        foreach (var message in protocol.SubscribeMessages())
        {
            if (!first)
            {
                await Task.Delay(spacing, time, cancellationToken).ConfigureAwait(false);
            }

            first = false;
            await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads until the connection must be renewed; returns why, whether any message arrived, and the (grown) buffer.</summary>
    private async Task<(string Reason, bool Delivered, byte[] Buffer)> ReceiveAsync(
        ClientWebSocket socket, ITickSink sink, byte[] buffer, CancellationToken cancellationToken)
    {
        using var idle = new CancellationTokenSource(options.IdleTimeout, time);
        using var age = new CancellationTokenSource(options.MaxConnectionAge, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token, age.Token);
        var delivered = false;
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    result = await socket.ReceiveAsync(buffer.AsMemory(length), linked.Token).ConfigureAwait(false);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return ($"server closed the connection ({socket.CloseStatus} {socket.CloseStatusDescription})", delivered, buffer);
                }

                idle.CancelAfter(options.IdleTimeout);
                var outcome = await protocol.HandleAsync(buffer.AsMemory(0, length), sink, cancellationToken).ConfigureAwait(false);
                switch (outcome)
                {
                    case MessageOutcome.Data or MessageOutcome.Control:
                        delivered = true;
                        health.MessageReceived();
                        break;
                    case MessageOutcome.Malformed:
                        health.MalformedReceived();
                        LogMalformed(health.Name, health.Malformed);
                        break;
                    case MessageOutcome.Reconnect:
                        return ("the server asked for a new connection", delivered, buffer);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (age.IsCancellationRequested
                ? $"renewing the connection after {options.MaxConnectionAge} (ahead of the exchange's own cut)"
                : $"no message for {options.IdleTimeout.TotalSeconds:0.###} s", delivered, buffer);
        }
        catch (WebSocketException ex)
        {
            return (ex.Message, delivered, buffer);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source}: {Reason}; reconnecting in {DelayMs} ms")]
    private partial void LogReconnecting(string source, string reason, long delayMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Source}: skipped a malformed message ({Malformed} so far)")]
    private partial void LogMalformed(string source, long malformed);
}
