using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using AltseasonLive.Api.Hubs;
using AltseasonLive.Api.Market;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Push;

/// <summary>
/// Fans market updates out to every connected browser, and is the one registry of this hub's connections (an outbox
/// each, created by <see cref="MarketHubLifetimeManager"/>). It is the push path's only coalescing stage: publishing
/// only records the value (latest per topic and key), or hands the events to the <see cref="EventSequencer"/>, which
/// puts them in sequence order; <see cref="Flush"/>, run by <see cref="PushFlushService"/> (the path's one clock) at most
/// <see cref="MarketHubOptions.MaxUpdatesPerSecond"/> times a second, serializes one <c>series</c> message per distinct
/// set of followed topics (and one <c>events</c> message) and queues it on each matching <see cref="ClientOutbox"/>, so
/// every connection gets at most one write of each kind per flush. No client send is ever awaited here, so the grain
/// observer path stays fast no matter how slow a client is.
/// </summary>
public sealed partial class MarketFanOut(
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
    /// <summary>How long no event must have been released before the log is asked for a trailing one.</summary>
    private static readonly TimeSpan TailQuiet = TimeSpan.FromSeconds(1);

    private readonly EventSequencer _sequencer = new(counters, time);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private Dictionary<(string Topic, string Key), SeriesMessage> _pendingSeries = [];
    private Dictionary<(string Topic, string Key), SeriesMessage> _flushingSeries = [];

    public int ConnectionCount => _clients.Count;

    public bool IsConnected(string connectionId) => _clients.ContainsKey(connectionId);

    /// <summary>Ids of the connections that currently have an outbox.</summary>
    public IReadOnlyCollection<string> ConnectionIds => [.. _clients.Keys];

    public ClientOutbox? Find(string connectionId) => _clients.TryGetValue(connectionId, out var c) ? c.Outbox : null;

    /// <summary>Completes when something was published since the last <see cref="Flush"/> (or the token is cancelled).</summary>
    public ValueTask<bool> WaitForPublishAsync(CancellationToken cancellationToken) => _wake.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>The hub's event order (held-back events, next sequence), for stats and tests.</summary>
    public EventSequencer Events => _sequencer;

    /// <summary>
    /// Sets where this hub's live events start (the log's newest sequence when the hub registers with the grains):
    /// older events reach clients through their catch-up from the log. Events offered before it are held.
    /// </summary>
    public void StartEvents(long lastSequence)
    {
        _sequencer.Start(lastSequence);
        _wake.Writer.TryWrite(true);
    }

    /// <summary>
    /// Creates the outbox of a new connection (called by the lifetime manager before the hub's <c>OnConnectedAsync</c>)
    /// and starts its writer loop; the outbox writes straight to <paramref name="connection"/>.
    /// </summary>
    public ClientOutbox Connect(HubConnectionContext connection)
    {
        var connectionId = connection.ConnectionId;
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
                connection.Abort();
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

    /// <summary>
    /// Takes a batch of events from the grains, in any order: the next flush sends every event that follows the last
    /// one sent without a gap; a later one waits for the missing one (from the grains, or the log after
    /// <see cref="MarketHubOptions.EventGapHold"/>).
    /// </summary>
    public void PublishEvents(ImmutableArray<HubEvent> events)
    {
        if (events.IsDefaultOrEmpty)
        {
            return;
        }

        counters.AddEventsOffered(events.Length);
        if (_sequencer.Offer(events))
        {
            _wake.Writer.TryWrite(true);
        }
    }

    /// <summary>True while events wait for an earlier sequence, so the flush loop must come back after the hold time.</summary>
    public bool HoldsEvents => _sequencer.HeldCount > 0;

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
        }

        var events = _sequencer.TakeReady();
        if (events.Length > 0)
        {
            var batch = SharedEvents.Create(events);
            foreach (var (_, client) in _clients)
            {
                client.Outbox.OfferEvents(batch);
            }
        }

        if (_sequencer.TryBeginRefetch(options.Value.EventGapHold, out var after))
        {
            _ = RefetchAsync(after);
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

    /// <summary>
    /// Reads the log after the last released event (called once a second by <see cref="PushFlushService"/>), so that a
    /// trailing event this hub never received still reaches its clients; see <see cref="EventSequencer.TryBeginTailCheck"/>.
    /// </summary>
    public void CheckEventTail()
    {
        if (_sequencer.TryBeginTailCheck(TailQuiet, out var after))
        {
            _ = RefetchAsync(after, tail: true);
        }
    }

    /// <summary>Reads the events after <paramref name="after"/> from the log into the sequencer, filling a gap that outlived the hold time.</summary>
    private async Task RefetchAsync(long after, bool tail = false)
    {
        try
        {
            if (!tail)
            {
                LogRefetching(after + 1);
            }

            var page = await queries.GetEventsSinceAsync(after, options.Value.MaxReplayEvents, CancellationToken.None);
            if (page.OutOfRetention)
            {
                // The log no longer has them: start after the oldest it keeps, clients resync by their own replay.
                LogRefetchOutOfRetention(after + 1, page.OldestSequence);
                _sequencer.SkipTo(page.OldestSequence - 1);
            }

            _sequencer.Offer(page.Events, refetched: true);
            _wake.Writer.TryWrite(true);
        }
        catch (Exception ex)
        {
            LogRefetchFailed(ex, after + 1);
            _sequencer.RefetchFailed();
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {Sequence} did not reach this hub in time; reading it from the event log")]
    private partial void LogRefetching(long sequence);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {Sequence} is no longer in the event log (oldest kept: {Oldest})")]
    private partial void LogRefetchOutOfRetention(long sequence, long oldest);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading event {Sequence} from the event log failed; retrying")]
    private partial void LogRefetchFailed(Exception exception, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped hub client {ConnectionId}: {Reason}")]
    private partial void LogClientDropped(string connectionId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writer loop of hub client {ConnectionId} failed")]
    private partial void LogWriterFailed(Exception exception, string connectionId);
}
