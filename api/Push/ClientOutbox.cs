using System.Collections.Immutable;
using System.Threading.Channels;
using AltseasonLive.Api.Hubs;
using AltseasonLive.Api.Market;

namespace AltseasonLive.Api.Push;

/// <summary>
/// The outgoing side of one hub connection: a bounded queue of ordered messages (snapshots, event batches) plus a
/// latest-wins map of series values, drained by one writer loop at most <see cref="MarketHubOptions.MaxUpdatesPerSecond"/>
/// times a second. Producers never wait: when the queue is past the degrade threshold series are dropped, and when it is
/// full the connection is aborted, so a stalled browser costs its own buffer and nothing else.
/// </summary>
public sealed class ClientOutbox
{
    private readonly Channel<OutboxItem> _queue;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly Lock _gate = new();
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);
    private Dictionary<(string Topic, string Key), SeriesMessage> _pendingSeries = [];
    private Dictionary<(string Topic, string Key), SeriesMessage> _sendingSeries = [];
    private readonly IClientSender _sender;
    private readonly IMarketQueries _queries;
    private readonly MarketHubOptions _options;
    private readonly PushCounters _counters;
    private readonly Action<string> _abort;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private long _lastSentSequence;
    private long _droppedSeries;
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
        ConnectionId = connectionId;
        _sender = sender;
        _queries = queries;
        _options = options;
        _counters = counters;
        _abort = abort;
        _time = time;
        _queue = Channel.CreateBounded<OutboxItem>(new BoundedChannelOptions(options.ClientBufferCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    public string ConnectionId { get; }

    /// <summary>Series values dropped because the client was behind.</summary>
    public long DroppedSeries => Interlocked.Read(ref _droppedSeries);

    /// <summary>Messages waiting in the ordered queue (snapshots, event batches).</summary>
    public int QueuedMessages => _queue.Reader.CanCount ? _queue.Reader.Count : 0;

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

            foreach (var key in _pendingSeries.Keys.Where(k => k.Topic == topic).ToList())
            {
                _pendingSeries.Remove(key);
            }

            return true;
        }
    }

    /// <summary>Queues an event batch if the client follows events; never waits. A full queue aborts the connection.</summary>
    public void OfferEvents(ImmutableArray<HubEvent> events)
    {
        bool overflow;
        lock (_gate)
        {
            if (!_topics.Contains(MarketTopic.EventsName))
            {
                return;
            }

            overflow = !_queue.Writer.TryWrite(new EventsItem(events));
        }

        if (overflow)
        {
            Abort("outgoing buffer full");
            return;
        }

        _wake.Writer.TryWrite(true);
    }

    /// <summary>Keeps the value as the newest of its topic and key if the client follows the topic; never waits.</summary>
    public void OfferSeries(SeriesMessage update)
    {
        lock (_gate)
        {
            if (!_topics.Contains(update.Topic))
            {
                return;
            }

            if (!_pendingSeries.TryAdd((update.Topic, update.Key), update))
            {
                _pendingSeries[(update.Topic, update.Key)] = update;
                _counters.AddSeriesCoalesced(1);
            }
        }

        _wake.Writer.TryWrite(true);
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

    /// <summary>The writer loop: one per connection, the only code that sends to this client.</summary>
    public async Task RunAsync()
    {
        var ct = _stop.Token;
        var interval = TimeSpan.FromSeconds(1.0 / _options.MaxUpdatesPerSecond);
        try
        {
            while (await _wake.Reader.WaitToReadAsync(ct))
            {
                _wake.Reader.TryRead(out _);
                await FlushQueueAsync(ct);
                await FlushSeriesAsync(ct);
                await Task.Delay(interval, _time, ct);
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
        }

        _wake.Writer.TryWrite(true);
        return true;
    }

    private async Task FlushQueueAsync(CancellationToken ct)
    {
        List<HubEvent>? events = null;
        while (_queue.Reader.TryRead(out var item))
        {
            switch (item)
            {
                case EventsItem batch:
                    foreach (var e in batch.Events)
                    {
                        if (e.Sequence > _lastSentSequence)
                        {
                            (events ??= []).Add(e);
                            _lastSentSequence = e.Sequence;
                        }
                    }

                    break;
                case SnapshotItem snapshot:
                    await SendEventsAsync(events, ct);
                    events = null;
                    await SendAsync(HubMethods.Snapshot, snapshot.Snapshot, ct);
                    break;
                case CatchUpItem catchUp:
                    await SendEventsAsync(events, ct);
                    events = null;
                    await CatchUpAsync(catchUp.AfterSequence, ct);
                    break;
            }
        }

        await SendEventsAsync(events, ct);
    }

    private async Task CatchUpAsync(long? after, CancellationToken ct)
    {
        if (after is { } lastSeen)
        {
            var page = await _queries.GetEventsSinceAsync(lastSeen, _options.MaxReplayEvents, ct);
            var truncated = page.Events.Length >= _options.MaxReplayEvents && page.Events[^1].Sequence < page.LatestSequence;
            if (!page.OutOfRetention && !truncated)
            {
                _lastSentSequence = lastSeen;
                var missed = page.Events.Where(e => e.Sequence > _lastSentSequence).ToList();
                if (missed.Count > 0)
                {
                    _lastSentSequence = missed[^1].Sequence;
                }

                await SendEventsAsync(missed, ct);
                return;
            }

            var reason = page.OutOfRetention ? "out of retention" : "too many missed events";
            await SendAsync(
                HubMethods.Resync,
                new ResyncMessage(MarketTopic.EventsName, lastSeen, page.OldestSequence, page.LatestSequence, reason),
                ct);
        }

        var recent = await _queries.GetRecentEventsAsync(_options.SnapshotEvents, ct);
        _lastSentSequence = Math.Max(recent.LatestSequence, recent.Events.IsDefaultOrEmpty ? 0 : recent.Events[^1].Sequence);
        await SendAsync(HubMethods.Snapshot, new SnapshotMessage(MarketTopic.EventsName, _lastSentSequence, recent.Events), ct);
    }

    private async Task FlushSeriesAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            if (_pendingSeries.Count == 0)
            {
                return;
            }

            (_pendingSeries, _sendingSeries) = (_sendingSeries, _pendingSeries);
        }

        if (_queue.Reader.Count >= _options.ClientBufferCapacity * _options.DegradeThreshold)
        {
            Interlocked.Add(ref _droppedSeries, _sendingSeries.Count);
            _counters.AddSeriesDropped(_sendingSeries.Count);
            _sendingSeries.Clear();
            return;
        }

        var batch = _sendingSeries.Values.ToArray();
        _sendingSeries.Clear();
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        long totalAge = 0, maxAge = 0;
        foreach (var value in batch)
        {
            var age = Math.Max(0, now - value.TimeMs);
            totalAge += age;
            maxAge = Math.Max(maxAge, age);
        }

        _counters.RecordFlush(batch.Length, totalAge, maxAge);
        await SendAsync(HubMethods.Series, batch, ct);
    }

    private Task SendEventsAsync(List<HubEvent>? events, CancellationToken ct) =>
        events is { Count: > 0 } ? SendAsync(HubMethods.Events, events, ct) : Task.CompletedTask;

    private async Task SendAsync(string method, object payload, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.SendTimeoutSeconds));
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await _sender.SendAsync(method, payload, timeout.Token);
            _counters.RecordSent(method, System.Diagnostics.Stopwatch.GetTimestamp() - started);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Abort("send timed out");
            throw;
        }
    }
}
