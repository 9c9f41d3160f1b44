using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AltseasonLive.Feeds.Tests.Fakes;

/// <summary>
/// A local exchange on 127.0.0.1 (free port): a WebSocket endpoint at <c>/stream</c> that records what the client sends
/// and pushes what the test tells it to, and REST routes the test maps. Optionally the server pings and drops a client
/// that does not answer with a pong (ASP.NET Core's keep-alive timeout).
/// </summary>
public sealed class FakeStreamServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _received = new();
    private readonly Channel<Connection> _connections = Channel.CreateUnbounded<Connection>();
    private int _connectionCount;

    private FakeStreamServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    public Uri StreamUrl => new($"ws://{BaseAddress.Authority}/stream");

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>Every text message clients sent, in order.</summary>
    public IReadOnlyCollection<string> Received => _received;

    public static async Task<FakeStreamServer> StartAsync(
        Action<WebApplication>? routes = null, TimeSpan? pingEvery = null, TimeSpan? pongTimeout = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeStreamServer(app);
        app.UseWebSockets();
        app.Map("/stream", async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var accept = new WebSocketAcceptContext();
            if (pingEvery is { } every)
            {
                accept.KeepAliveInterval = every;
                accept.KeepAliveTimeout = pongTimeout ?? every;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync(accept);
            Interlocked.Increment(ref server._connectionCount);
            var connection = new Connection(socket, server._received);
            await server._connections.Writer.WriteAsync(connection);
            await connection.RunAsync(context.RequestAborted);
        });
        routes?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    /// <summary>The next client connection (waits up to 15 s).</summary>
    public async Task<Connection> NextConnectionAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await _connections.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>One accepted client: the test sends through it or drops it.</summary>
    public sealed class Connection(WebSocket socket, ConcurrentQueue<string> received)
    {
        private readonly TaskCompletionSource _dropped = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<string> _mine = new();

        /// <summary>Completes when the socket is closed or aborted (by either side).</summary>
        public Task Closed => _dropped.Task;

        public IReadOnlyCollection<string> Received => _mine;

        public Task SendAsync(string text) =>
            socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

        /// <summary>Cuts the connection without a close handshake, as a network failure would.</summary>
        public void Drop()
        {
            socket.Abort();
            _dropped.TrySetResult();
        }

        /// <summary>Waits until the client sent <paramref name="count"/> messages on this connection (15 s at most).</summary>
        public async Task WaitForMessagesAsync(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (_mine.Count < count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"the client sent {_mine.Count} of {count} messages");
                await Task.Delay(10);
            }
        }

        internal async Task RunAsync(CancellationToken aborted)
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (socket.State == WebSocketState.Open && !_dropped.Task.IsCompleted)
                {
                    var result = await socket.ReceiveAsync(buffer, aborted);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
                    _mine.Enqueue(text);
                    received.Enqueue(text);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
            finally
            {
                _dropped.TrySetResult();
            }
        }
    }
}
