using AltseasonLive.Api.Hubs;
using AltseasonLive.Api.Market;
using Microsoft.AspNetCore.SignalR;

namespace AltseasonLive.Api.Push;

/// <summary>
/// The event protocol of one connection, run by its writer loop: a subscription starts with the missed events replayed
/// from the log (or a <c>resync</c> and a snapshot when they are gone), then live batches follow. Every event is sent
/// once and in sequence order: events the replay already sent are skipped, and a live batch that starts above the next
/// sequence (a gap) first has the missing range read from the log, so nothing is ever skipped.
/// </summary>
public sealed class EventReplay(IMarketQueries queries, MarketHubOptions options, PushCounters counters)
{
    private long _lastSentSequence;

    /// <summary>The last event sequence written to this client (0 before its first events subscription).</summary>
    public long LastSentSequence => Volatile.Read(ref _lastSentSequence);

    /// <summary>
    /// Sends the events after <paramref name="after"/> from the log, or a resync then the recent events as a snapshot
    /// when that is null, out of retention or more than <see cref="MarketHubOptions.MaxReplayEvents"/>.
    /// </summary>
    public async Task CatchUpAsync(long? after, Func<string, SerializedHubMessage, CancellationToken, Task> send, CancellationToken ct)
    {
        if (after is { } lastSeen)
        {
            var page = await RetryAsync(() => queries.GetEventsSinceAsync(lastSeen, options.MaxReplayEvents, ct), ct);
            var truncated = page.Events.Length >= options.MaxReplayEvents && page.Events[^1].Sequence < page.LatestSequence;
            if (!page.OutOfRetention && !truncated)
            {
                _lastSentSequence = lastSeen;
                var missed = page.Events.Where(e => e.Sequence > _lastSentSequence).ToArray();
                if (missed.Length > 0)
                {
                    _lastSentSequence = missed[^1].Sequence;
                    await send(HubMethods.Events, OutgoingMessage.Create(HubMethods.Events, missed), ct);
                }

                return;
            }

            var reason = page.OutOfRetention ? "out of retention" : "too many missed events";
            var resync = new ResyncMessage(MarketTopic.EventsName, lastSeen, page.OldestSequence, page.LatestSequence, reason);
            await send(HubMethods.Resync, OutgoingMessage.Create(HubMethods.Resync, resync), ct);
        }

        var recent = await RetryAsync(() => queries.GetRecentEventsAsync(options.SnapshotEvents, ct), ct);
        _lastSentSequence = Math.Max(recent.LatestSequence, recent.Events.IsDefaultOrEmpty ? 0 : recent.Events[^1].Sequence);
        var snapshot = new SnapshotMessage(MarketTopic.EventsName, _lastSentSequence, recent.Events);
        await send(HubMethods.Snapshot, OutgoingMessage.Create(HubMethods.Snapshot, snapshot), ct);
    }

    /// <summary>
    /// Sends a live batch (in sequence order, from the hub's <see cref="EventSequencer"/>): the shared message when it
    /// continues exactly where this client is, a filtered copy when the replay already sent its head, and the log's
    /// missing range first when it starts above the next sequence.
    /// </summary>
    public async Task SendLiveAsync(SharedEvents batch, Func<string, SerializedHubMessage, CancellationToken, Task> send, CancellationToken ct)
    {
        var events = batch.Events;
        if (events.IsDefaultOrEmpty || events[^1].Sequence <= _lastSentSequence)
        {
            return;
        }

        if (events[0].Sequence > _lastSentSequence + 1)
        {
            var before = _lastSentSequence;
            await CatchUpAsync(_lastSentSequence, send, ct);
            counters.AddEventsRefetched((int)Math.Max(0, Math.Min(_lastSentSequence, events[0].Sequence - 1) - before));
            if (events[^1].Sequence <= _lastSentSequence)
            {
                return;
            }
        }

        var message = batch.Message;
        if (events[0].Sequence <= _lastSentSequence)
        {
            var rest = events.Where(e => e.Sequence > _lastSentSequence).ToArray();
            message = OutgoingMessage.Create(HubMethods.Events, rest);
        }

        _lastSentSequence = events[^1].Sequence;
        await send(HubMethods.Events, message, ct);
    }

    /// <summary>
    /// Reads the log until it answers or the client leaves. In a cluster the event log can sit on a node that just died:
    /// its queries fail until the grain reactivates on a survivor, and a failure here must not end this client's writer
    /// loop (the client would stop receiving events).
    /// </summary>
    private static async Task<T> RetryAsync<T>(Func<Task<T>> query, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await query();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await Task.Delay(QueryRetryDelay, ct);
            }
        }
    }

    private static readonly TimeSpan QueryRetryDelay = TimeSpan.FromMilliseconds(250);
}
