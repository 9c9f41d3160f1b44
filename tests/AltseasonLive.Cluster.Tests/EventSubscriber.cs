using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace AltseasonLive.Cluster.Tests;

/// <summary>
/// A hub client of the <c>events</c> topic that records every event sequence in arrival order and, when its node is gone,
/// moves to another node and resubscribes with the last sequence it saw (as a browser does).
/// </summary>
public sealed class EventSubscriber : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<long> _sequences = [];
    private HubConnection? _connection;
    private long _firstPushAfterMs = -1;
    private long _pushAfterMs = long.MaxValue;

    public EventSubscriber(string name) => Name = name;

    public string Name { get; }

    public Uri? Node { get; private set; }

    /// <summary>Every event sequence received, in arrival order (duplicates kept, so a test can see them).</summary>
    public IReadOnlyList<long> Sequences
    {
        get
        {
            lock (_gate)
            {
                return [.. _sequences];
            }
        }
    }

    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _sequences.Count == 0 ? 0 : _sequences[^1];
            }
        }
    }

    /// <summary>Unix ms of the first push received after <see cref="WatchForPushAfter"/>, or -1.</summary>
    public long FirstPushAfterMs => Interlocked.Read(ref _firstPushAfterMs);

    public static async Task<EventSubscriber> ConnectAsync(string name, Uri node)
    {
        var subscriber = new EventSubscriber(name);
        await subscriber.MoveToAsync(node);
        return subscriber;
    }

    /// <summary>Records the time of the first pushed event after <paramref name="unixMs"/> (failover measurement).</summary>
    public void WatchForPushAfter(long unixMs)
    {
        Interlocked.Exchange(ref _firstPushAfterMs, -1);
        Interlocked.Exchange(ref _pushAfterMs, unixMs);
    }

    /// <summary>Connects to <paramref name="node"/> (leaving the current one) and resubscribes after the last sequence seen.</summary>
    public async Task MoveToAsync(Uri node)
    {
        if (_connection is { } old)
        {
            await old.DisposeAsync();
        }

        var connection = new HubConnectionBuilder().WithUrl(new Uri(node, "/hubs/market")).Build();
        connection.On<JsonElement>("events", Record);
        await connection.StartAsync();
        _connection = connection;
        Node = node;
        await connection.InvokeAsync<string>("Subscribe", "events", LastSequence);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.DisposeAsync();
        }
    }

    private void Record(JsonElement events)
    {
        lock (_gate)
        {
            foreach (var e in events.EnumerateArray())
            {
                _sequences.Add(e.GetProperty("sequence").GetInt64());
            }
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        if (now > Interlocked.Read(ref _pushAfterMs))
        {
            Interlocked.CompareExchange(ref _firstPushAfterMs, now, -1);
        }
    }
}
