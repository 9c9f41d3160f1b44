using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using AltseasonLive.Api.Market;
using AltseasonLive.Api.Push;
using AltseasonLive.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AltseasonLive.Api.Tests.Hubs;

/// <summary>
/// Issue 7.4: a tenth of the subscribers connect, subscribe and then never read again (raw WebSockets, so the server's
/// socket buffers really fill). The others must keep getting every event and the latest series value, the server's
/// outbox backlog must stay within the configured bound, and the stalled ones must be cut off. Asserted on counts and
/// the <c>/api/stats</c> counters, never on timing.
/// </summary>
public sealed class StalledSubscribersTests : IAsyncLifetime
{
    private const int Healthy = 18;
    private const int Stalled = 2;
    private const int Capacity = 256;
    private const string Topic = "asset:BTC";

    private readonly FakeMarketQueries _market = new(retention: 100_000);
    private ApiServer? _server;

    private ApiServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() =>
        _server = await ApiServer.StartAsync(
            new Dictionary<string, string>
            {
                ["Hub:MaxUpdatesPerSecond"] = "50",
                ["Hub:SendTimeout"] = "00:00:02",
                ["Hub:ClientBufferCapacity"] = Capacity.ToString(),
                ["Hub:DegradeThreshold"] = "0.5",
            },
            services => services.Replace(ServiceDescriptor.Singleton<IMarketQueries>(_market)));

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Stalled_tenth_is_cut_off_with_bounded_backlog_while_the_rest_get_every_event_and_the_latest_value()
    {
        var fanOut = Server.Services.GetRequiredService<MarketFanOut>();
        using var http = Server.CreateClient();
        var before = await StatsAsync(http);

        var healthy = new List<CountingSubscriber>();
        for (var i = 0; i < Healthy; i++)
        {
            healthy.Add(await CountingSubscriber.ConnectAsync(Server.BaseAddress));
        }

        var known = fanOut.ConnectionIds.ToHashSet();
        var stalled = new List<ClientWebSocket>();
        for (var i = 0; i < Stalled; i++)
        {
            stalled.Add(await StalledHubClient.ConnectAndStopReadingAsync(Server.BaseAddress, "events", Topic));
        }

        var stalledIds = await StalledHubClient.WaitForAsync(() =>
        {
            var ids = fanOut.ConnectionIds.Except(known).ToList();
            return ids.Count == Stalled && ids.All(id => fanOut.Find(id)?.SubscriptionCount == 2) ? ids : null;
        });
        var firstSequence = _market.LastSequence + 1;

        long backlogMax = 0;
        var published = 0;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (stalledIds.Any(fanOut.IsConnected) && DateTime.UtcNow < deadline)
        {
            fanOut.PublishEvents(_market.Append(5, padding: 16 * 1024));
            fanOut.PublishSeries([new SeriesMessage(Topic, "Price", "BTC", ++published, published, false)]);
            if (published % 10 == 0)
            {
                backlogMax = Math.Max(backlogMax, (await StatsAsync(http)).GetProperty("hub").GetProperty("outboxQueuedMax").GetInt64());
            }

            await Task.Delay(20);
        }

        Assert.False(stalledIds.Any(fanOut.IsConnected), "a stalled subscriber was never cut off");

        var lastSequence = _market.LastSequence;
        const double lastValue = -1;
        fanOut.PublishSeries([new SeriesMessage(Topic, "Price", "BTC", published + 1, lastValue, false)]);
        foreach (var subscriber in healthy)
        {
            await subscriber.WaitForAsync(s => s.LastEventSequence >= lastSequence && s.LastPrice == lastValue);
            Assert.Equal(HubConnectionState.Connected, subscriber.Connection.State);
            Assert.True(subscriber.EventsContiguousFrom(firstSequence), "a healthy subscriber missed or reordered events");
        }

        var after = await StatsAsync(http);
        var hub = after.GetProperty("hub");
        Assert.Equal(Capacity, hub.GetProperty("outboxCapacity").GetInt32());
        Assert.InRange(backlogMax, 0, Capacity);
        Assert.Equal(Stalled, hub.GetProperty("clientsDropped").GetInt64() - before.GetProperty("hub").GetProperty("clientsDropped").GetInt64());
        var reasons = hub.GetProperty("clientDropReasons").EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(reasons, r => Assert.Contains(r, new[] { "outgoing buffer full", "send timed out" }));
        Assert.Equal(Healthy, hub.GetProperty("connections").GetInt32());
        Assert.InRange(hub.GetProperty("outboxQueuedMax").GetInt64(), 0, Capacity);

        foreach (var socket in stalled)
        {
            socket.Abort();
            socket.Dispose();
        }

        await Task.WhenAll(healthy.Select(h => h.DisposeAsync().AsTask()));
    }

    private static async Task<JsonElement> StatsAsync(HttpClient http) => await http.GetFromJsonAsync<JsonElement>("/api/stats");

    /// <summary>Opens a raw WebSocket hub connection, follows events and a price topic, then never reads again.</summary>

    /// <summary>A SignalR client that keeps only event sequence numbers and the last price (the payloads are large).</summary>
    private sealed class CountingSubscriber : IAsyncDisposable
    {
        private readonly ConcurrentQueue<long> _sequences = new();
        private long _lastSequence;
        private double _lastPrice = double.NaN;

        private CountingSubscriber(HubConnection connection)
        {
            Connection = connection;
            connection.On<JsonElement>(HubMethods.Events, payload =>
            {
                foreach (var e in payload.EnumerateArray())
                {
                    var sequence = e.GetProperty("sequence").GetInt64();
                    _sequences.Enqueue(sequence);
                    Volatile.Write(ref _lastSequence, sequence);
                }
            });
            connection.On<JsonElement>(HubMethods.Series, payload =>
            {
                foreach (var value in payload.EnumerateArray())
                {
                    Volatile.Write(ref _lastPrice, value.GetProperty("value").GetDouble());
                }
            });
            connection.On<JsonElement>(HubMethods.Snapshot, _ => { });
        }

        public HubConnection Connection { get; }

        public long LastEventSequence => Volatile.Read(ref _lastSequence);

        public double LastPrice => Volatile.Read(ref _lastPrice);

        public static async Task<CountingSubscriber> ConnectAsync(Uri baseAddress)
        {
            var connection = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "/hubs/market")).Build();
            var subscriber = new CountingSubscriber(connection);
            await connection.StartAsync();
            await connection.InvokeAsync<string>("Subscribe", "events", null);
            await connection.InvokeAsync<string>("Subscribe", Topic, null);
            return subscriber;
        }

        public bool EventsContiguousFrom(long first)
        {
            var received = _sequences.Where(s => s >= first).ToList();
            return received.Count > 0 && received.Select((s, i) => s == first + i).All(ok => ok);
        }

        public async Task WaitForAsync(Func<CountingSubscriber, bool> condition)
        {
            for (var i = 0; i < 1200 && !condition(this); i++)
            {
                await Task.Delay(50);
            }

            Assert.True(condition(this), $"healthy subscriber stopped at event {LastEventSequence}, price {LastPrice}");
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }
}
