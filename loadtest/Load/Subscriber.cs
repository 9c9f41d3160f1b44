using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// One SignalR connection to <c>/hubs/market</c> (WebSockets, no negotiate round trip) subscribed to some topics. It
/// counts the updates it receives (series values and events) and, when given a recorder, the tick-to-client latency of
/// every price value: receipt time minus the tick's timestamp.
/// </summary>
public sealed class Subscriber : IAsyncDisposable
{
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    private readonly HubConnection _connection;
    private readonly IReadOnlyList<string> _topics;
    private readonly LatencyRecorder? _latency;
    private long _updates;
    private long _priceUpdates;
    private long _messages;
    private int _closed;
    private int _disposing;
    private int _connectFailed;

    public Subscriber(Uri baseUrl, IReadOnlyList<string> topics, LatencyRecorder? latency)
    {
        _topics = topics;
        _latency = latency;
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "hubs/market"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.PropertyNameCaseInsensitive = true)
            .Build();
        _connection.On<SeriesItem[]>("series", OnSeries);
        _connection.On<JsonElement>("events", OnEvents);
        _connection.On<JsonElement>("snapshot", _ => Interlocked.Increment(ref _messages));
        _connection.On<JsonElement>("resync", _ => Interlocked.Increment(ref _messages));
        _connection.Closed += _ =>
        {
            if (Volatile.Read(ref _disposing) == 0)
            {
                Interlocked.Exchange(ref _closed, 1);
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>Series values plus events received since the last <see cref="ResetCounts"/>.</summary>
    public long Updates => Interlocked.Read(ref _updates);

    /// <summary>Price series values received since the last <see cref="ResetCounts"/>.</summary>
    public long PriceUpdates => Interlocked.Read(ref _priceUpdates);

    /// <summary>Hub invocations received (series, events, snapshot, resync) since the last <see cref="ResetCounts"/>.</summary>
    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>True when <see cref="ConnectAllAsync"/> could not connect it.</summary>
    public bool ConnectFailed => Volatile.Read(ref _connectFailed) != 0;

    /// <summary>True once the connection closed without being disposed by the run.</summary>
    public bool Dropped => Volatile.Read(ref _closed) != 0;

    /// <summary>Connects every subscriber, at most <paramref name="concurrency"/> at a time; returns how many failed to connect.</summary>
    public static async Task<int> ConnectAllAsync(IReadOnlyList<Subscriber> subscribers, int concurrency, CancellationToken cancellationToken)
    {
        var failures = 0;
        await Parallel.ForEachAsync(
            subscribers,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (subscriber, token) =>
            {
                try
                {
                    await subscriber.StartAsync(token);
                }
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or IOException
                    or Microsoft.AspNetCore.SignalR.HubException or System.Net.WebSockets.WebSocketException)
                {
                    Interlocked.Exchange(ref subscriber._connectFailed, 1);
                    Interlocked.Increment(ref failures);
                }
            });
        return failures;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _connection.StartAsync(cancellationToken);
        foreach (var topic in _topics)
        {
            await _connection.InvokeAsync<string>("Subscribe", topic, (long?)null, cancellationToken);
        }
    }

    public void ResetCounts()
    {
        Interlocked.Exchange(ref _updates, 0);
        Interlocked.Exchange(ref _priceUpdates, 0);
        Interlocked.Exchange(ref _messages, 0);
    }

    private void OnSeries(SeriesItem[] items)
    {
        Interlocked.Increment(ref _messages);
        Interlocked.Add(ref _updates, items.Length);
        if (_latency is null)
        {
            return;
        }

        var nowUs = (DateTime.UtcNow.Ticks - UnixEpochTicks) / 10;
        var prices = 0;
        foreach (var item in items)
        {
            if (item.Kind == "Price")
            {
                prices++;
                _latency.Record(nowUs - (item.TimeMs * 1000));
            }
        }

        Interlocked.Add(ref _priceUpdates, prices);
    }

    private void OnEvents(JsonElement events)
    {
        Interlocked.Increment(ref _messages);
        Interlocked.Add(ref _updates, events.ValueKind == JsonValueKind.Array ? events.GetArrayLength() : 1);
    }

    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _disposing, 1);
        await _connection.DisposeAsync();
    }
}
