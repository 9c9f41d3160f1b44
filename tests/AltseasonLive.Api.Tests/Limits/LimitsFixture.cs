using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using AltseasonLive.Api.Tests.Infrastructure;

namespace AltseasonLive.Api.Tests.Limits;

/// <summary>
/// The real product with low rate limits whose buckets refill once in 1,000 s (rate 0.001/s), so every outcome is
/// decided by counts, not by timing. Each test publishes with its own key (<see cref="Key"/>), so buckets never mix.
/// </summary>
public sealed class LimitsFixture : IAsyncLifetime
{
    public const int Keys = 10;
    public const int MaxItems = 10;
    public const int RequestBurst = 4;
    public const int TickBurst = 10;
    public const int FrameBurst = 6;
    public const int StreamTickBurst = 10;
    public const int StreamViolationsBeforeClose = 3;
    public const int InvocationBurst = 5;
    public const int HubViolationsBeforeAbort = 3;

    private ApiServer? _server;

    public ApiServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public static string Key(int index) => $"limits-key-{index}";

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Ingestion:MaxItems"] = MaxItems.ToString(),
            ["Limits:PublishRequestsPerSecond"] = "0.001",
            ["Limits:PublishRequestBurst"] = RequestBurst.ToString(),
            ["Limits:PublishTicksPerSecond"] = "0.001",
            ["Limits:PublishTickBurst"] = TickBurst.ToString(),
            ["Limits:StreamFramesPerSecond"] = "0.001",
            ["Limits:StreamFrameBurst"] = FrameBurst.ToString(),
            ["Limits:StreamTicksPerSecond"] = "0.001",
            ["Limits:StreamTickBurst"] = StreamTickBurst.ToString(),
            ["Limits:StreamViolationsBeforeClose"] = StreamViolationsBeforeClose.ToString(),
            ["Limits:HubInvocationsPerSecond"] = "0.001",
            ["Limits:HubInvocationBurst"] = InvocationBurst.ToString(),
            ["Limits:HubViolationsBeforeAbort"] = HubViolationsBeforeAbort.ToString(),
        };
        for (var i = 0; i < Keys; i++)
        {
            settings[$"Ingestion:Keys:{i}"] = Key(i);
        }

        _server = await ApiServer.StartAsync(settings);
    }

    public HttpClient CreateClient(int key)
    {
        var client = Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Key(key));
        return client;
    }

    public async Task<ClientWebSocket> ConnectStreamAsync(int key)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {Key(key)}");
        await socket.ConnectAsync(new Uri($"ws://{Server.BaseAddress.Authority}/api/ticks/ws"), CancellationToken.None);
        return socket;
    }

    /// <summary><paramref name="count"/> valid ticks of BTC at the current time, as a JSON array.</summary>
    public static string Ticks(int count)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return "[" + string.Join(",", Enumerable.Range(0, count).Select(i => $$"""{"symbol":"BTC","time":{{now}},"price":{{70_000 + i}}}""")) + "]";
    }

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>Sends one text frame and reads the next message: its ack, or the close frame (then null).</summary>
    public static async Task<JsonElement?> SendFrameAsync(ClientWebSocket socket, string frame)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);
        return await ReceiveAsync(socket);
    }

    public static async Task<JsonElement?> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var ms = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            ms.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return JsonDocument.Parse(ms.ToArray()).RootElement;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LimitsCollection : ICollectionFixture<LimitsFixture>
{
    public const string Name = "limits";
}
