using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// Streams batches over <c>/api/ticks/ws</c>: one JSON array per text frame. The server answers frames in order, so a
/// FIFO of send timestamps gives each ack's round trip.
/// </summary>
public sealed class WebSocketPublisher(
    Uri baseUrl,
    string key,
    TickStream stream,
    RatePacer pacer,
    int batch,
    int inFlight,
    PublisherCounters counters) : Publisher(stream, pacer, batch, inFlight, counters)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ClientWebSocket _socket = new();
    private readonly ArrayBufferWriter<byte> _frame = new(64 * 1024);
    private readonly TickJsonWriter _json = new();
    private readonly ConcurrentQueue<long> _sentAt = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _receiver = Task.CompletedTask;

    public static Uri EndpointFor(Uri baseUrl)
    {
        var builder = new UriBuilder(new Uri(baseUrl, "api/ticks/ws"))
        {
            Scheme = baseUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
        };
        return builder.Uri;
    }

    public override async Task ConnectAsync(CancellationToken cancellationToken)
    {
        _socket.Options.SetRequestHeader("Authorization", $"Bearer {key}");
        await _socket.ConnectAsync(EndpointFor(baseUrl), cancellationToken);
        _receiver = Task.Run(() => ReceiveAcksAsync(_stop.Token), CancellationToken.None);
    }

    protected override async Task SendAsync(ReadOnlyMemory<Tick> ticks, CancellationToken cancellationToken)
    {
        _frame.ResetWrittenCount();
        _json.Write(ticks.Span, _frame);
        _sentAt.Enqueue(Stopwatch.GetTimestamp());
        await _socket.SendAsync(_frame.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    private async Task ReceiveAcksAsync(CancellationToken cancellationToken)
    {
        var message = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                message.ResetWrittenCount();
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(message.GetMemory(4096), cancellationToken);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    message.Advance(received.Count);
                }
                while (!received.EndOfMessage);

                OnAck(message.WrittenSpan);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Closed by us at the end of the run, or by the server: unacknowledged frames stay counted as such.
        }
    }

    private void OnAck(ReadOnlySpan<byte> json)
    {
        if (_sentAt.TryDequeue(out var sentAt))
        {
            Counters.AckLatency.Record((long)Stopwatch.GetElapsedTime(sentAt).TotalMicroseconds);
        }

        var ack = JsonSerializer.Deserialize<IngestAck>(json, Json);
        if (ack is null || ack.Error is not null)
        {
            Counters.Error();
        }

        if (ack is not null)
        {
            Counters.Acked(ack.Received, ack.Accepted, ack.Rejected);
        }

        Window.Release();
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "load run over", timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The server is gone or slow to answer the close; the socket is aborted below either way.
        }

        await _stop.CancelAsync();
        await _receiver;
        _socket.Dispose();
        _stop.Dispose();
    }
}
