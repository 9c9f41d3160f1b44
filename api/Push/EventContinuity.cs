using System.Collections.Immutable;
using System.Threading.Channels;
using AltseasonLive.Api.Market;

namespace AltseasonLive.Api.Push;

/// <summary>
/// Keeps this node's event stream whole: batches from the push grains are handed on in sequence order, and a gap (a
/// batch that starts past the last sequence handed on) is filled from the event log first. In a cluster a gap appears
/// when the node hosting the observer registry or a push activation dies: batches raised until the hubs re-register
/// reach no hub. Every <see cref="CatchUpInterval"/> the log is also asked for anything newer, so a gap closes even when
/// no further event comes. Runs off the grain call (the observer only queues), so it never calls the event log from
/// inside a call chain that the event log started.
/// </summary>
public sealed partial class EventContinuity(MarketFanOut fanOut, IMarketQueries queries, ILogger<EventContinuity> logger) : BackgroundService
{
    /// <summary>How often the log is asked for events newer than the last one handed on (wall time).</summary>
    public static readonly TimeSpan CatchUpInterval = TimeSpan.FromSeconds(1);

    private const int PageSize = 1000;

    private readonly Channel<ImmutableArray<HubEvent>> _arrived = Channel.CreateUnbounded<ImmutableArray<HubEvent>>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Last sequence handed to the fan-out; -1 until the first batch or catch-up.</summary>
    private long _last = -1;

    /// <summary>Queues a batch from the push grains (called on the observer's grain call; never blocks).</summary>
    public void Offer(ImmutableArray<HubEvent> events)
    {
        if (!events.IsDefaultOrEmpty)
        {
            _arrived.Writer.TryWrite(events);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(CatchUpInterval);
                var quiet = false;
                try
                {
                    await _arrived.Reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    quiet = true;
                }

                try
                {
                    await HandOnAsync(quiet, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The event log is unreachable for now (its node just died); the log keeps the events, retry later.
                    LogCatchUpFailed(e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Hands on the queued batches in order; asks the log on a gap, or when nothing arrived for an interval.</summary>
    private async Task HandOnAsync(bool quiet, CancellationToken ct)
    {
        var gap = false;
        while (_arrived.Reader.TryRead(out var batch))
        {
            if (_last >= 0 && batch[0].Sequence > _last + 1)
            {
                gap = true;
                break;
            }

            Publish(batch);
        }

        if (gap || quiet)
        {
            await FillFromLogAsync(ct);
        }
    }

    /// <summary>Hands on every logged event after the last one handed on (on the first call: only notes where the log is).</summary>
    private async Task FillFromLogAsync(CancellationToken ct)
    {
        if (_last < 0)
        {
            var recent = await queries.GetRecentEventsAsync(0, ct);
            _last = recent.LatestSequence;
            return;
        }

        while (true)
        {
            var page = await queries.GetEventsSinceAsync(_last, PageSize, ct);
            if (page.Events.IsDefaultOrEmpty)
            {
                return;
            }

            Publish(page.Events);
            if (page.Events[^1].Sequence >= page.LatestSequence)
            {
                return;
            }
        }
    }

    private void Publish(ImmutableArray<HubEvent> events)
    {
        var fresh = _last < 0 ? events : events.RemoveAll(e => e.Sequence <= _last);
        if (fresh.IsEmpty)
        {
            return;
        }

        fanOut.PublishEvents(fresh);
        _last = fresh[^1].Sequence;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the event log to close a gap; retrying")]
    private partial void LogCatchUpFailed(Exception exception);
}
