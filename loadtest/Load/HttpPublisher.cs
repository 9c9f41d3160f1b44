using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.LoadTest.Load;

/// <summary>Posts batches to <c>POST /api/ticks</c> as JSON arrays, with up to the in-flight limit of requests outstanding.</summary>
public sealed class HttpPublisher(
    HttpClient http,
    string key,
    TickStream stream,
    RatePacer pacer,
    int batch,
    int inFlight,
    PublisherCounters counters) : Publisher(stream, pacer, batch, inFlight, counters)
{
    private readonly TickJsonWriter _json = new();

    public override Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override Task SendAsync(ReadOnlyMemory<Tick> ticks, CancellationToken cancellationToken)
    {
        var body = new ArrayBufferWriter<byte>(ticks.Length * 96);
        _json.Write(ticks.Span, body);
        _ = PostAsync(body.WrittenMemory);
        return Task.CompletedTask;
    }

    private async Task PostAsync(ReadOnlyMemory<byte> body)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/ticks") { Content = new ReadOnlyMemoryContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await http.SendAsync(request);
            Counters.AckLatency.Record((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            if (!response.IsSuccessStatusCode)
            {
                Counters.Error();
                return;
            }

            var ack = await response.Content.ReadFromJsonAsync<IngestAck>();
            if (ack is null)
            {
                Counters.Error();
                return;
            }

            Counters.Acked(ack.Received, ack.Accepted, ack.Rejected);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Counters.Error();
        }
        finally
        {
            Window.Release();
        }
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
