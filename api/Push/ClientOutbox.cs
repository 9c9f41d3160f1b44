using System.Diagnostics;
using System.Threading.Channels;
using AltseasonLive.Api.Hubs;
using AltseasonLive.Api.Market;
using Microsoft.AspNetCore.SignalR;

namespace AltseasonLive.Api.Push;

/// <summary>
/// The outgoing side of one hub connection: a bounded queue of ordered messages (snapshots, event batches, and series
/// batches that <see cref="MarketFanOut"/> coalesced per topic and serialized once for all connections following the
/// same topics), drained by one
/// writer loop. Producers never wait: past the degrade threshold series batches are dropped for this client, and when
/// the queue is full or one write takes longer than the send timeout the connection is aborted, so a stalled browser
/// costs its own bounded buffer and nothing else.
/// </summary>
public sealed class ClientOutbox
{
    private readonly Channel<OutboxItem> _queue;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);
    private readonly IClientSender _sender;
    private readonly IMarketQueries _queries;
    private readonly MarketHubOptions _options;
    private readonly PushCounters _counters;
    private readonly Action<string> _abort;
    private readonly TimeProvider _time;
    private readonly int _degradeAt;
    private readonly CancellationTokenSource _stop = new();
    private long _lastSentSequence;
    private long _droppedSeries;
    private long _writeStartedAt;
    private SeriesSubscription _seriesTopics = SeriesSubscription.None;
    private int _aborted;

    public ClientOutbox(
        string connectionId,
        IClientSender sender,
        IMarketQueries queries,
        MarketHubOptions options,
        PushCounters counters,
        Action<string> abort,
        TimeProvider time)
    {
        _time = time;
        ConnectionId = connectionId;
        _sender = sender;
        _queries = queries;
        _options = options;
        _counters = counters;
        _abort = abort;
        _degradeAt = Math.Max(1, (int)(options.ClientBufferCapacity * options.DegradeThreshold));
        _queue = Channel.CreateBounded<OutboxItem>(new BoundedChannelOptions(options.ClientBufferCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    public string ConnectionId { get; }

    /// <summary>Series values not delivered to this client because it was behind.</summary>
    public long DroppedSeries => Interlocked.Read(ref _droppedSeries);

    /// <summary>Messages waiting in the queue.</summary>
    public int QueuedMessages => _queue.Reader.Count;

    public bool IsAborted => Volatile.Read(ref _aborted) != 0;

    public int SubscriptionCount
    {
        get
        {
            lock (_gate)
            {
                return _topics.Count;
            }
        }
    }

    /// <summary>The followed topics (canonical names).</summary>
    public IReadOnlyList<string> Topics
    {
        get
        {
            lock (_gate)
            {
                return [.. _topics];
            }
        }
    }

    public bool IsSubscribed(string topic)
    {
        lock (_gate)
        {
            return _topics.Contains(topic);
        }
    }

    /// <summary>
    /// Starts a non-event subscription: the snapshot is queued before any update of the topic can be, so the client
    /// always sees it first. False when the connection already has the maximum number of subscriptions.
    /// </summary>
    public bool TrySubscribe(SnapshotMessage snapshot) => TrySubscribe(snapshot.Topic, new SnapshotItem(snapshot));

    /// <summary>
    /// Starts (or restarts) the event subscription: missed events after <paramref name="lastSequence"/> are replayed from
    /// the log, or the recent events are sent as a snapshot when it is null. Live events queue behind the replay.
    /// </summary>
    public bool TrySubscribeEvents(long? lastSequence) => TrySubscribe(MarketTopic.EventsName, new CatchUpItem(lastSequence));

    public bool Unsubscribe(string topic)
    {
        lock (_gate)
        {
            if (!_topics.Remove(topic))
            {
                return false;
            }

            UpdateSeriesSubscription();
            return true;
        }
    }

    /// <summary>The series topics followed now; replaced (never mutated) on every subscribe and unsubscribe.</summary>
    public SeriesSubscription SeriesTopics => Volatile.Read(ref _seriesTopics);

    /// <summary>Queues an event batch if the client follows events; never waits. A full queue aborts the connection.</summary>
    public void OfferEvents(SharedEvents batch)
    {
        bool overflow;
        lock (_gate)
        {
            if (!_topics.Contains(MarketTopic.EventsName))
            {
                return;
            }

            overflow = !_queue.Writer.TryWrite(new EventsItem(batch));
        }

        if (overflow)
        {
            Abort("outgoing buffer full");
        }
    }

    /// <summary>
    /// Queues the flush's series message for this client's <see cref="SeriesTopics"/>; never waits. A client whose queue
    /// is past the degrade threshold loses the message (counted), so series never fill the room that events need.
    /// </summary>
    public void OfferSeries(SharedSeries batch)
    {
        bool dropped;
        lock (_gate)
        {
            if (IsAborted)
            {
                return;
            }

            dropped = _queue.Reader.Count >= _degradeAt || !_queue.Writer.TryWrite(new SeriesItem(batch));
        }

        if (dropped)
        {
            Interlocked.Add(ref _droppedSeries, batch.Count);
            _counters.AddSeriesDropped(batch.Count);
        }
    }

    /// <summary>
    /// Aborts the connection when its current write has waited longer than <see cref="MarketHubOptions.SendTimeoutSeconds"/>
    /// (the client stopped reading and the transport buffers are full). Called by <see cref="MarketFanOut"/>'s watchdog,
    /// so no per-write timer is needed. True when it aborted.
    /// </summary>
    public bool AbortIfStalled()
    {
        var started = Volatile.Read(ref _writeStartedAt);
        if (started == 0 || IsAborted || _time.GetElapsedTime(started) < TimeSpan.FromSeconds(_options.SendTimeoutSeconds))
        {
            return false;
        }

        Abort("send timed out");
        return true;
    }

    /// <summary>Disconnects the client (once) and stops the writer loop.</summary>
    public void Abort(string reason)
    {
        if (Interlocked.Exchange(ref _aborted, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        _stop.Cancel();
        _abort(reason);
    }

    /// <summary>Stops the writer loop without aborting the connection (it is already gone).</summary>
    public void Stop()
    {
        _queue.Writer.TryComplete();
        _stop.Cancel();
    }

    /// <summary>The writer loop: one per connection, the only code that writes to this client.</summary>
    public async Task RunAsync()
    {
        var ct = _stop.Token;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(ct))
            {
                while (_queue.Reader.TryRead(out var item))
                {
                    await WriteAsync(item, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Disconnected or aborted: pending messages die with the connection.
        }
    }

    private bool TrySubscribe(string topic, OutboxItem first)
    {
        lock (_gate)
        {
            if (!_topics.Contains(topic) && _topics.Count >= _options.MaxSubscriptionsPerConnection)
            {
                return false;
            }

            _topics.Add(topic);
            if (!_queue.Writer.TryWrite(first))
            {
                _topics.Remove(topic);
                return false;
            }

            // Published after the snapshot is queued: a flush that sees the topic queues its values behind the snapshot.
            UpdateSeriesSubscription();
        }

        return true;
    }

    private void UpdateSeriesSubscription() =>
        Volatile.Write(ref _seriesTopics, SeriesSubscription.Of(_topics.Where(t => t != MarketTopic.EventsName)));

    private Task WriteAsync(OutboxItem item, CancellationToken ct) => item switch
    {
        SnapshotItem snapshot => SendAsync(HubMethods.Snapshot, OutgoingMessage.Create(HubMethods.Snapshot, snapshot.Snapshot), ct),
        CatchUpItem catchUp => CatchUpAsync(catchUp.AfterSequence, ct),
        EventsItem events => SendEventsAsync(events.Batch, ct),
        SeriesItem series => SendSeriesAsync(series.Batch, ct),
        _ => Task.CompletedTask,
    };

    private Task SendEventsAsync(SharedEvents batch, CancellationToken ct)
    {
        var events = batch.Events;
        if (events.IsDefaultOrEmpty || events[^1].Sequence <= _lastSentSequence)
        {
            return Task.CompletedTask;
        }

        var message = batch.Message;
        if (events[0].Sequence <= _lastSentSequence)
        {
            // The replay of a reconnecting client already sent the head of this batch.
            var rest = events.Where(e => e.Sequence > _lastSentSequence).ToArray();
            message = OutgoingMessage.Create(HubMethods.Events, rest);
        }

        _lastSentSequence = events[^1].Sequence;
        return SendAsync(HubMethods.Events, message, ct);
    }

    /// <summary>
    /// Runs the catch-up until it succeeds or the client leaves. In a cluster the event log can sit on a node that just
    /// died: its queries fail until the grain reactivates on a survivor, and a failure here must not end the writer loop
    /// (the client would silently stop receiving events).
    /// </summary>
    private async Task CatchUpAsync(long? after, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await CatchUpOnceAsync(after, ct);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await Task.Delay(CatchUpRetryDelay, _time, ct);
            }
        }
    }

    private static readonly TimeSpan CatchUpRetryDelay = TimeSpan.FromMilliseconds(250);

    private async Task CatchUpOnceAsync(long? after, CancellationToken ct)
    {
        if (after is { } lastSeen)
        {
            var page = await _queries.GetEventsSinceAsync(lastSeen, _options.MaxReplayEvents, ct);
            var truncated = page.Events.Length >= _options.MaxReplayEvents && page.Events[^1].Sequence < page.LatestSequence;
            if (!page.OutOfRetention && !truncated)
            {
                _lastSentSequence = lastSeen;
                var missed = page.Events.Where(e => e.Sequence > _lastSentSequence).ToArray();
                if (missed.Length > 0)
                {
                    _lastSentSequence = missed[^1].Sequence;
                    await SendAsync(HubMethods.Events, OutgoingMessage.Create(HubMethods.Events, missed), ct);
                }

                return;
            }

            var reason = page.OutOfRetention ? "out of retention" : "too many missed events";
            var resync = new ResyncMessage(MarketTopic.EventsName, lastSeen, page.OldestSequence, page.LatestSequence, reason);
            await SendAsync(HubMethods.Resync, OutgoingMessage.Create(HubMethods.Resync, resync), ct);
        }

        var recent = await _queries.GetRecentEventsAsync(_options.SnapshotEvents, ct);
        _lastSentSequence = Math.Max(recent.LatestSequence, recent.Events.IsDefaultOrEmpty ? 0 : recent.Events[^1].Sequence);
        var snapshot = new SnapshotMessage(MarketTopic.EventsName, _lastSentSequence, recent.Events);
        await SendAsync(HubMethods.Snapshot, OutgoingMessage.Create(HubMethods.Snapshot, snapshot), ct);
    }

    private async Task SendSeriesAsync(SharedSeries batch, CancellationToken ct)
    {
        await SendAsync(HubMethods.Series, batch.Message, ct);
        _counters.RecordDelivered(Stopwatch.GetTimestamp() - batch.FlushedAt);
    }

    private async Task SendAsync(string method, SerializedHubMessage message, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        Volatile.Write(ref _writeStartedAt, _time.GetTimestamp());
        await _sender.SendAsync(message, ct);
        Volatile.Write(ref _writeStartedAt, 0);
        _counters.RecordSent(method, Stopwatch.GetTimestamp() - started);
    }
}
