using System.Net.WebSockets;
using System.Text;

namespace AltseasonLive.Api.Tests.Infrastructure;

/// <summary>
/// A raw WebSocket hub client that subscribes and then never reads, with tiny socket buffers so the server's sends
/// back up quickly: the stalled subscriber of the flow-control tests. <see cref="WaitForAsync"/> polls a condition
/// every 50 ms up to a limit.
/// </summary>
public static class StalledHubClient
{
    public static async Task<ClientWebSocket> ConnectAndStopReadingAsync(Uri baseAddress, params string[] topics)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetBuffer(1024, 1024);
        await socket.ConnectAsync(new Uri($"ws://{baseAddress.Authority}/hubs/market"), CancellationToken.None);
        await SendRecordAsync(socket, """{"protocol":"json","version":1}""");
        for (var i = 0; i < topics.Length; i++)
        {
            await SendRecordAsync(socket, $$"""{"type":1,"invocationId":"{{i + 1}}","target":"Subscribe","arguments":["{{topics[i]}}",null]}""");
        }

        return socket;
    }

    public static async Task<T> WaitForAsync<T>(Func<T?> probe, int attempts = 600)
        where T : class
    {
        for (var i = 0; i < attempts; i++)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("Condition never became true.");
    }

    private static Task SendRecordAsync(ClientWebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json + "\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);
}
