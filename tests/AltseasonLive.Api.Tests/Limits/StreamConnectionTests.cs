using System.Net;
using System.Net.WebSockets;
using AltseasonLive.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AltseasonLive.Api.Tests.Limits;

/// <summary>
/// <c>/api/ticks/ws</c> against half-sent frames: a per-key cap on connections, a frame timeout, and a receive buffer
/// bounded well below the request limit, so that memory returns to its baseline after the attack.
/// </summary>
[Collection(MemoryMeasurementCollection.Name)]
public sealed class StreamConnectionTests(ITestOutputHelper output)
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task A_key_holds_at_most_its_cap_of_tick_stream_connections()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string>
        {
            ["Feeds:Mode"] = "Off",
            ["Ingestion:MaxConnectionsPerKey"] = "2",
        });
        using var first = await ConnectAsync(server);
        using var second = await ConnectAsync(server);

        using var third = NewSocket();
        var refused = await Assert.ThrowsAnyAsync<WebSocketException>(() => third.ConnectAsync(StreamUri(server), CancellationToken.None));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.HttpStatusCode);
        output.WriteLine(refused.Message);

        await first.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await WaitAsync(async () =>
        {
            using var again = NewSocket();
            try
            {
                await again.ConnectAsync(StreamUri(server), CancellationToken.None);
                return true;
            }
            catch (WebSocketException)
            {
                return false;
            }
        });
    }

    [Fact]
    public async Task An_unfinished_frame_times_out_and_closes_the_connection()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string>
        {
            ["Feeds:Mode"] = "Off",
            ["Ingestion:FrameTimeout"] = "00:00:01",
        });
        using var socket = await ConnectAsync(server);
        await socket.SendAsync(new byte[1024], WebSocketMessageType.Text, endOfMessage: false, CancellationToken.None);

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var ended = false;
        try
        {
            var result = await socket.ReceiveAsync(new byte[1024], limit.Token);
            ended = result.MessageType == WebSocketMessageType.Close;
        }
        catch (WebSocketException)
        {
            ended = true;
        }

        Assert.True(ended, "the server kept the half-sent frame");
        Assert.False(limit.IsCancellationRequested, "the server did not drop the connection within 10 s");
    }

    [Fact]
    public async Task Memory_returns_to_its_baseline_after_a_hundred_connections_of_four_one_mebibyte_fragments()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string>
        {
            ["Feeds:Mode"] = "Off",
            ["Ingestion:MaxConnectionsPerKey"] = "200",
            ["Limits:PublishRequestsPerSecond"] = "100000",
            ["Limits:PublishRequestBurst"] = "100000",
        });
        using (var warm = await ConnectAsync(server))
        {
            await warm.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        var baseline = Heap();
        // Each 1 MiB fragment goes out as 16 WebSocket fragments of 64 KiB (the same unfinished message on the wire): a
        // client send of 1 MiB rents a 1 MiB masking buffer from the shared pool, whose retention would hide the server's.
        var fragment = new byte[64 * 1024];
        Array.Fill(fragment, (byte)' ');
        var sockets = new List<ClientWebSocket>();
        for (var i = 0; i < 100; i++)
        {
            sockets.Add(await ConnectAsync(server));
        }

        await Task.WhenAll(sockets.Select(async socket =>
        {
            try
            {
                for (var f = 0; f < 4 * 16; f++)
                {
                    await socket.SendAsync(fragment, WebSocketMessageType.Text, endOfMessage: false, CancellationToken.None);
                }
            }
            catch (WebSocketException)
            {
                // The server closed the connection once the frame passed its limit: the attack is refused.
            }
        }));

        // The attack holds: every connection is open or was refused, none finished its frame. What does the server hold?
        await Task.Delay(TimeSpan.FromSeconds(1));
        var during = Heap();
        foreach (var socket in sockets)
        {
            socket.Abort();
            socket.Dispose();
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        var after = Heap();
        output.WriteLine($"GC heap: baseline {baseline / MiB} MiB, during {during / MiB} MiB, after {after / MiB} MiB (noisy on a loaded machine)");

        // Unbounded, the server holds the 400 MiB of fragments, and its pooled 4 MiB buffers after. Bounded, what is left is
        // the test's own 100 client sockets and pools (about 90 MiB during, 35 after, on the loaded CI machine).
        Assert.True(during - baseline < 200L * MiB, $"{(during - baseline) / MiB} MiB held during the attack");
        Assert.True(after - baseline < 64L * MiB, $"{(after - baseline) / MiB} MiB still held after the attack");
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    private static ClientWebSocket NewSocket()
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {ApiServer.IngestionKey}");
        socket.Options.CollectHttpResponseDetails = true;
        return socket;
    }

    private static Uri StreamUri(ApiServer server) => new($"ws://{server.BaseAddress.Authority}/api/ticks/ws");

    private static async Task<ClientWebSocket> ConnectAsync(ApiServer server)
    {
        var socket = NewSocket();
        await socket.ConnectAsync(StreamUri(server), CancellationToken.None);
        return socket;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(100);
        }
    }
}
