using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using AltseasonLive.Api.Hubs;
using AltseasonLive.Api.Market;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Push;

/// <summary>
/// Fans market updates out to every connected browser. Publishing only records the value (latest per topic and key)
/// or the event; <see cref="Flush"/>, run by <see cref="PushFlushService"/> at most
/// <see cref="MarketHubOptions.MaxUpdatesPerSecond"/> times a second, coalesces once per topic and key, serializes one
/// <c>series</c> message per distinct set of followed topics (and one <c>events</c> message) and queues it on each
/// matching <see cref="ClientOutbox"/>, so every connection gets at most one write of each kind per flush. No client send is
/// ever awaited here, so the grain observer path stays fast no matter how slow a client is.
/// </summary>
public sealed partial class MarketFanOut(
    HubConnectionRegistry connections,
    IMarketQueries queries,
    IOptions<MarketHubOptions> options,
    TimeProvider time,
    PushCounters counters,
    ILogger<MarketFanOut> logger) : IAsyncDisposable
{
    /// <summary>Price values carry the tick time, so their age is the latency so far; other kinds carry a bar time.</summary>
    private const string PriceKind = "Price";

    private readonly ConcurrentDictionary<string, (ClientOutbox Outbox, Task Writer)> _clients = new(StringComparer.Ordinal);
    private readonly Lock _pendingGate = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private Dictionary<(string Topic, string Key), SeriesMessage> _pendingSeries = [];
    private Dictionary<(string Topic, string Key), SeriesMessage> _flushingSeries = [];
    private List<HubEvent> _pendingEvents = [];
    private List<HubEvent> _flushingEvents = [];

    public int ConnectionCount => _clients.Count;

    public bool IsConnected(string connectionId) => _clients.ContainsKey(connectionId);

    /// <summary>Ids of the connections that currently have an outbox.</summary>
    public IReadOnlyCollection<string> ConnectionIds => [.. _clients.Keys];

    public ClientOutbox? Find(string connectionId) => _clients.TryGetValue(connectionId, out var c) ? c.Outbox : null;

    /// <summary>Completes when something was published since the last <see cref="Flush"/> (or the token is cancelled).</summary>
    public ValueTask<bool> WaitForPublishAsync(CancellationToken cancellationToken) => _wake.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>
    /// Creates the outbox of a new connection (whose <c>HubConnectionContext</c> the lifetime manager registered) and
    /// starts its writer loop; <paramref name="abort"/> disconnects it.
    /// </summary>
    public ClientOutbox Connect(string connectionId, Action abort)
    {
        var connection = connections.Find(connectionId)
            ?? throw new InvalidOperationException($"Connection {connectionId} is not registered by {nameof(MarketHubLifetimeManager)}.");
        var outbox = new ClientOutbox(
            connectionId,
            new HubClientSender(connection),
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

    /// <summary>
    /// Follows a non-event topic: the snapshot is queued first, then the topic's batches. False past the subscription limit.
    /// </summary>
    public bool Subscribe(ClientOutbox outbox, SnapshotMessage snapshot) => outbox.TrySubscribe(snapshot);

    /// <summary>Follows events from <paramref name="lastSequence"/> (replay or resync), then live batches.</summary>
    public bool SubscribeEvents(ClientOutbox outbox, long? lastSequence) => outbox.TrySubscribeEvents(lastSequence);

    public bool Unsubscribe(ClientOutbox outbox, string topic) => outbox.Unsubscribe(topic);

    /// <summary>Queues a batch of events (in sequence order) for the next flush to every client that follows events.</summary>
    public void PublishEvents(ImmutableArray<HubEvent> events)
    {
        if (events.IsDefaultOrEmpty)
        {
            return;
        }

        counters.AddEventsOffered(events.Length);
        lock (_pendingGate)
        {
            _pendingEvents.AddRange(events);
        }

        _wake.Writer.TryWrite(true);
    }

    /// <summary>Keeps each series value as the newest of its topic and key until the next flush.</summary>
    public void PublishSeries(IReadOnlyList<SeriesMessage> updates)
    {
        if (updates.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        int replaced = 0, prices = 0;
        long totalAge = 0, maxAge = 0;
        foreach (var update in updates)
        {
            if (update.Kind == PriceKind)
            {
                var age = Math.Max(0, now - update.TimeMs);
                prices++;
                totalAge += age;
                maxAge = Math.Max(maxAge, age);
            }
        }

        lock (_pendingGate)
        {
            foreach (var update in updates)
            {
                if (!_pendingSeries.TryAdd((update.Topic, update.Key), update))
                {
                    _pendingSeries[(update.Topic, update.Key)] = update;
                    replaced++;
                }
            }
        }

        counters.AddSeriesOffered(updates.Count);
        counters.AddSeriesCoalesced(replaced);
        counters.RecordArrival(prices, totalAge, maxAge);
        _wake.Writer.TryWrite(true);
    }

    /// <summary>
    /// Sends what was published since the last flush: one <c>events</c> message for all event followers, then one
    /// <c>series</c> message per changed topic for that topic's subscribers, each serialized once. Single caller
    /// (<see cref="PushFlushService"/>).
    /// </summary>
    public void Flush()
    {
        _wake.Reader.TryRead(out _);
        lock (_pendingGate)
        {
            (_pendingSeries, _flushingSeries) = (_flushingSeries, _pendingSeries);
            (_pendingEvents, _flushingEvents) = (_flushingEvents, _pendingEvents);
        }

        if (_flushingEvents.Count > 0)
        {
            var batch = SharedEvents.Create([.. _flushingEvents]);
            _flushingEvents.Clear();
            foreach (var (_, client) in _clients)
            {
                client.Outbox.OfferEvents(batch);
            }
        }

        if (_flushingSeries.Count > 0)
        {
            FlushSeries();
        }
    }

    /// <summary>Aborts the connections whose current write has been stuck longer than the send timeout.</summary>
    public int AbortStalled()
    {
        var aborted = 0;
        foreach (var (_, client) in _clients)
        {
            aborted += client.Outbox.AbortIfStalled() ? 1 : 0;
        }

        return aborted;
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

    private void FlushSeries()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var prices = 0;
        long totalAge = 0, maxAge = 0;
        var byTopic = new Dictionary<string, List<SeriesMessage>>(StringComparer.Ordinal);
        foreach (var value in _flushingSeries.Values)
        {
            if (!byTopic.TryGetValue(value.Topic, out var list))
            {
                byTopic[value.Topic] = list = [];
            }

            list.Add(value);
            if (value.Kind == PriceKind)
            {
                var age = Math.Max(0, now - value.TimeMs);
                prices++;
                totalAge += age;
                maxAge = Math.Max(maxAge, age);
            }
        }

        counters.RecordFlush(_flushingSeries.Count, prices, totalAge, maxAge);
        _flushingSeries.Clear();

        // One message per distinct set of followed topics, serialized once, one write per connection.
        var bySubscription = new Dictionary<string, SharedSeries?>(StringComparer.Ordinal);
        foreach (var (_, client) in _clients)
        {
            var subscription = client.Outbox.SeriesTopics;
            if (subscription.Topics.Count == 0)
            {
                continue;
            }

            if (!bySubscription.TryGetValue(subscription.Key, out var batch))
            {
                var values = subscription.Topics
                    .SelectMany(t => byTopic.TryGetValue(t, out var list) ? list : (IEnumerable<SeriesMessage>)[])
                    .ToArray();
                batch = values.Length == 0 ? null : SharedSeries.Create(values);
                bySubscription[subscription.Key] = batch;
            }

            if (batch is not null)
            {
                client.Outbox.OfferSeries(batch);
            }
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
            // The connection was aborted while a write was pending.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped hub client {ConnectionId}: {Reason}")]
    private partial void LogClientDropped(string connectionId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writer loop of hub client {ConnectionId} failed")]
    private partial void LogWriterFailed(Exception exception, string connectionId);
}
