using System.Diagnostics;
using System.Threading.Channels;
using AltseasonLive.Api.Hubs;
using AltseasonLive.Api.Market;
using Microsoft.AspNetCore.SignalR;

namespace AltseasonLive.Api.Push;

/// <summary>
/// The outgoing queue of one hub connection and its back-pressure: a bounded queue of ordered messages (snapshots,
/// event batches, and series batches that <see cref="MarketFanOut"/> coalesced and serialized once for all connections
/// following the same topics), drained by one writer loop. Producers never wait: past the degrade threshold series
/// batches are dropped for this client, and when the queue is full the connection is aborted, so a stalled browser
/// costs its own bounded buffer and nothing else. The event protocol is <see cref="EventReplay"/>'s job and the stuck
/// write check <see cref="SendStallWatchdog"/>'s.
/// </summary>
public sealed class ClientOutbox
{
    private readonly Channel<OutboxItem> _queue;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);
    private readonly IClientSender _sender;
    private readonly MarketHubOptions _options;
    private readonly PushCounters _counters;
    private readonly Action<string> _abort;
    private readonly EventReplay _events;
    private readonly SendStallWatchdog _watchdog;
    private readonly Func<string, SerializedHubMessage, CancellationToken, Task> _send;
    private readonly int _degradeAt;
    private readonly CancellationTokenSource _stop = new();
    private long _droppedSeries;
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
        ConnectionId = connectionId;
        _sender = sender;
        _options = options;
        _events = new EventReplay(queries, options, counters);
        _watchdog = new SendStallWatchdog(time, options.SendTimeout);
        _send = SendAsync;
        _counters = counters;
        _abort = abort;
        _degradeAt = options.DegradeAt;
        _queue = Channel.CreateBounded<OutboxItem>(new BoundedChannelOptions(options.ClientBufferCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    public string ConnectionId { get; }

    /// <summary>The last event sequence written to this client.</summary>
    public long LastSentSequence => _events.LastSentSequence;

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
    /// Aborts the connection when its current write has waited longer than <see cref="MarketHubOptions.SendTimeout"/>
    /// (the client stopped reading and the transport buffers are full). Called by <see cref="MarketFanOut"/>'s watchdog,
    /// so no per-write timer is needed. True when it aborted.
    /// </summary>
    public bool AbortIfStalled()
    {
        if (IsAborted || !_watchdog.IsStalled)
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
        CatchUpItem catchUp => _events.CatchUpAsync(catchUp.AfterSequence, _send, ct),
        EventsItem events => _events.SendLiveAsync(events.Batch, _send, ct),
        SeriesItem series => SendSeriesAsync(series.Batch, ct),
        _ => Task.CompletedTask,
    };

    private async Task SendSeriesAsync(SharedSeries batch, CancellationToken ct)
    {
        await SendAsync(HubMethods.Series, batch.Message, ct);
        _counters.RecordDelivered(Stopwatch.GetTimestamp() - batch.FlushedAt);
    }

    private async Task SendAsync(string method, SerializedHubMessage message, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        _watchdog.WriteStarted();
        await _sender.SendAsync(message, ct);
        _watchdog.WriteFinished();
        _counters.RecordSent(method, Stopwatch.GetTimestamp() - started);
    }
}
