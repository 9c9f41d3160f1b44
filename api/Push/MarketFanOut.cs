using System.Collections.Concurrent;
using System.Collections.Immutable;
using AltseasonLive.Api.Hubs;
using AltseasonLive.Api.Market;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Push;

/// <summary>
/// Fans market updates out to every connected browser. Publishing only hands each interested
/// <see cref="ClientOutbox"/> a message (no per-client send is awaited), so the grain observer path stays fast no
/// matter how slow a client is.
/// </summary>
public sealed partial class MarketFanOut(
    IHubContext<MarketHub> hub,
    IMarketQueries queries,
    IOptions<MarketHubOptions> options,
    TimeProvider time,
    PushCounters counters,
    ILogger<MarketFanOut> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (ClientOutbox Outbox, Task Writer)> _clients = new(StringComparer.Ordinal);

    public int ConnectionCount => _clients.Count;

    public bool IsConnected(string connectionId) => _clients.ContainsKey(connectionId);

    /// <summary>Ids of the connections that currently have an outbox.</summary>
    public IReadOnlyCollection<string> ConnectionIds => [.. _clients.Keys];

    public ClientOutbox? Find(string connectionId) => _clients.TryGetValue(connectionId, out var c) ? c.Outbox : null;

    /// <summary>Creates the outbox of a new connection and starts its writer loop; <paramref name="abort"/> disconnects it.</summary>
    public ClientOutbox Connect(string connectionId, Action abort)
    {
        var outbox = new ClientOutbox(
            connectionId,
            new HubClientSender(hub, connectionId),
            queries,
            options.Value,
            counters,
            reason =>
            {
                counters.RecordClientDropped(reason);
                LogClientDropped(connectionId, reason);
                abort();
            },
            time);
        var writer = Task.Run(() => RunWriterAsync(outbox));
        _clients[connectionId] = (outbox, writer);
        return outbox;
    }

    public async Task DisconnectAsync(string connectionId)
    {
        if (_clients.TryRemove(connectionId, out var client))
        {
            client.Outbox.Stop();
            await client.Writer;
        }
    }

    /// <summary>Queues a batch of events (in sequence order) for every client that follows events.</summary>
    public void PublishEvents(ImmutableArray<HubEvent> events)
    {
        if (events.IsDefaultOrEmpty)
        {
            return;
        }

        counters.AddEventsOffered(events.Length);
        foreach (var (_, client) in _clients)
        {
            client.Outbox.OfferEvents(events);
        }
    }

    /// <summary>Offers each series value to every client that follows its topic (latest value wins per client).</summary>
    public void PublishSeries(IReadOnlyList<SeriesMessage> updates)
    {
        counters.AddSeriesOffered(updates.Count);
        foreach (var (_, client) in _clients)
        {
            foreach (var update in updates)
            {
                client.Outbox.OfferSeries(update);
            }
        }
    }

    /// <summary>Messages waiting in all outboxes together, and in the fullest one.</summary>
    public (long Total, long Max) OutboxBacklog()
    {
        long total = 0, max = 0;
        foreach (var (_, client) in _clients)
        {
            var queued = client.Outbox.QueuedMessages;
            total += queued;
            max = Math.Max(max, queued);
        }

        return (total, max);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _clients.Keys.ToList())
        {
            await DisconnectAsync(id);
        }
    }

    private async Task RunWriterAsync(ClientOutbox outbox)
    {
        try
        {
            await outbox.RunAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWriterFailed(ex, outbox.ConnectionId);
            outbox.Abort("writer failed");
        }
        catch (OperationCanceledException)
        {
            // A send timed out: the outbox has already aborted the connection.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped hub client {ConnectionId}: {Reason}")]
    private partial void LogClientDropped(string connectionId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writer loop of hub client {ConnectionId} failed")]
    private partial void LogWriterFailed(Exception exception, string connectionId);
}
