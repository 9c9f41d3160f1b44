using System.Collections.Concurrent;

namespace AltseasonLive.Api.Push;

/// <summary>
/// Running totals of the browser push path since start, for <c>GET /api/stats</c>. Interlocked increments only, so they
/// cost nothing noticeable on the fan-out path. Series counts are values (one topic and key each); message counts are
/// hub messages written to a connection.
/// </summary>
public sealed class PushCounters
{
    private readonly ConcurrentDictionary<string, long> _dropReasons = new(StringComparer.Ordinal);
    private long _seriesOffered;
    private long _seriesCoalesced;
    private long _seriesFlushed;
    private long _seriesDropped;
    private long _seriesMessagesSent;
    private long _eventsOffered;
    private long _eventsHeldBack;
    private long _eventsRefetched;
    private long _eventsOutOfOrder;
    private long _eventMessagesSent;
    private long _messagesSent;
    private long _clientsDropped;
    private long _arrivalAgeTotalMs;
    private long _arrivalAgeCount;
    private long _arrivalAgeMaxMs;
    private long _flushAgeTotalMs;
    private long _flushAgeCount;
    private long _flushAgeMaxMs;
    private long _deliveredTotalTicks;
    private long _deliveredCount;
    private long _deliveredMaxTicks;
    private long _writeTotalTicks;
    private long _writeCount;
    private long _writeMaxTicks;

    /// <summary>Series values handed to the hub by the grains.</summary>
    public long SeriesOffered => Interlocked.Read(ref _seriesOffered);

    /// <summary>Series values replaced by a newer value of the same topic and key before they were flushed.</summary>
    public long SeriesCoalesced => Interlocked.Read(ref _seriesCoalesced);

    /// <summary>Series values flushed to their topic's subscribers (once per value, however many subscribers).</summary>
    public long SeriesFlushed => Interlocked.Read(ref _seriesFlushed);

    /// <summary>Per-client deliveries of series messages skipped because that client was behind.</summary>
    public long SeriesDropped => Interlocked.Read(ref _seriesDropped);

    /// <summary>Series messages written to connections.</summary>
    public long SeriesMessagesSent => Interlocked.Read(ref _seriesMessagesSent);

    /// <summary>Events handed to the hub by the grains.</summary>
    public long EventsOffered => Interlocked.Read(ref _eventsOffered);

    /// <summary>Events this hub held back because they arrived before an earlier sequence (released in order later).</summary>
    public long EventsHeldBack => Interlocked.Read(ref _eventsHeldBack);

    /// <summary>Events read from the event log because they had not reached the hub (or a client's batch) in time.</summary>
    public long EventsRefetched => Interlocked.Read(ref _eventsRefetched);

    /// <summary>Events that arrived from the grains below the sequence of one before them in the same batch.</summary>
    public long EventsOutOfOrder => Interlocked.Read(ref _eventsOutOfOrder);

    /// <summary>Event messages (batches, replays) written to connections.</summary>
    public long EventMessagesSent => Interlocked.Read(ref _eventMessagesSent);

    /// <summary>All hub messages written to connections (snapshots, series, events, resyncs).</summary>
    public long MessagesSent => Interlocked.Read(ref _messagesSent);

    /// <summary>Connections the server cut off (stalled, buffer full, send timeout, writer failure).</summary>
    public long ClientsDropped => Interlocked.Read(ref _clientsDropped);

    public IReadOnlyDictionary<string, long> ClientDropReasons => new SortedDictionary<string, long>(_dropReasons, StringComparer.Ordinal);

    public void AddSeriesOffered(int count) => Interlocked.Add(ref _seriesOffered, count);

    public void AddSeriesCoalesced(int count) => Interlocked.Add(ref _seriesCoalesced, count);

    public void AddSeriesDropped(int count) => Interlocked.Add(ref _seriesDropped, count);

    public void AddEventsOffered(int count) => Interlocked.Add(ref _eventsOffered, count);

    public void AddEventsHeldBack(int count) => Interlocked.Add(ref _eventsHeldBack, count);

    public void AddEventsRefetched(int count) => Interlocked.Add(ref _eventsRefetched, count);

    public void AddEventsOutOfOrder(int count) => Interlocked.Add(ref _eventsOutOfOrder, count);

    /// <summary>
    /// Price values arrived from the grains, <paramref name="totalAgeMs"/> old together (now minus tick time) and
    /// <paramref name="maxAgeMs"/> at most: the part of tick-to-client latency spent before the hub.
    /// </summary>
    public void RecordArrival(int values, long totalAgeMs, long maxAgeMs)
    {
        if (values == 0)
        {
            return;
        }

        Interlocked.Add(ref _arrivalAgeTotalMs, totalAgeMs);
        Interlocked.Add(ref _arrivalAgeCount, values);
        InterlockedMax(ref _arrivalAgeMaxMs, maxAgeMs);
    }

    /// <summary>A flush of <paramref name="values"/> series values; <paramref name="priceValues"/> price values among them were was <paramref name="maxAgeMs"/> old at most (mean <paramref name="totalAgeMs"/>/values).</summary>
    public void RecordFlush(int values, int priceValues, long totalAgeMs, long maxAgeMs)
    {
        Interlocked.Add(ref _seriesFlushed, values);
        Interlocked.Add(ref _flushAgeTotalMs, totalAgeMs);
        Interlocked.Add(ref _flushAgeCount, priceValues);
        InterlockedMax(ref _flushAgeMaxMs, maxAgeMs);
    }

    /// <summary>One message written to a connection, which took <paramref name="elapsedTicks"/> Stopwatch ticks.</summary>
    public void RecordSent(string method, long elapsedTicks)
    {
        Interlocked.Increment(ref _messagesSent);
        if (method == HubMethods.Series)
        {
            Interlocked.Increment(ref _seriesMessagesSent);
        }
        else if (method == HubMethods.Events)
        {
            Interlocked.Increment(ref _eventMessagesSent);
        }

        Interlocked.Add(ref _writeTotalTicks, elapsedTicks);
        Interlocked.Increment(ref _writeCount);
        InterlockedMax(ref _writeMaxTicks, elapsedTicks);
    }

    /// <summary>A series message written to a connection <paramref name="elapsedTicks"/> Stopwatch ticks after its flush.</summary>
    public void RecordDelivered(long elapsedTicks)
    {
        Interlocked.Add(ref _deliveredTotalTicks, elapsedTicks);
        Interlocked.Increment(ref _deliveredCount);
        InterlockedMax(ref _deliveredMaxTicks, elapsedTicks);
    }

    public void RecordClientDropped(string reason)
    {
        Interlocked.Increment(ref _clientsDropped);
        _dropReasons.AddOrUpdate(reason, 1, (_, n) => n + 1);
    }

    /// <summary>
    /// Mean and max age (ms, now minus the tick time) of price values when they arrived from the grains and when they
    /// were flushed to subscribers, mean and max time (ms) from a flush until its series message was written to a
    /// connection (queueing and scheduling included), and mean and max
    /// time (ms) of one write to a connection, since the previous call (the stats sampler's interval).
    /// </summary>
    public PushStageTimes TakeStageTimes()
    {
        var arrivalTotal = Interlocked.Exchange(ref _arrivalAgeTotalMs, 0);
        var arrivalCount = Interlocked.Exchange(ref _arrivalAgeCount, 0);
        var arrivalMax = Interlocked.Exchange(ref _arrivalAgeMaxMs, 0);
        var ageTotal = Interlocked.Exchange(ref _flushAgeTotalMs, 0);
        var ageCount = Interlocked.Exchange(ref _flushAgeCount, 0);
        var ageMax = Interlocked.Exchange(ref _flushAgeMaxMs, 0);
        var deliveredTotal = Interlocked.Exchange(ref _deliveredTotalTicks, 0);
        var deliveredCount = Interlocked.Exchange(ref _deliveredCount, 0);
        var deliveredMax = Interlocked.Exchange(ref _deliveredMaxTicks, 0);
        var writeTotal = Interlocked.Exchange(ref _writeTotalTicks, 0);
        var writeCount = Interlocked.Exchange(ref _writeCount, 0);
        var writeMax = Interlocked.Exchange(ref _writeMaxTicks, 0);
        var msPerTick = 1000.0 / System.Diagnostics.Stopwatch.Frequency;
        return new PushStageTimes(
            arrivalCount == 0 ? 0 : Math.Round((double)arrivalTotal / arrivalCount, 1),
            arrivalMax,
            ageCount == 0 ? 0 : Math.Round((double)ageTotal / ageCount, 1),
            ageMax,
            deliveredCount == 0 ? 0 : Math.Round(deliveredTotal * msPerTick / deliveredCount, 3),
            Math.Round(deliveredMax * msPerTick, 3),
            writeCount == 0 ? 0 : Math.Round(writeTotal * msPerTick / writeCount, 3),
            Math.Round(writeMax * msPerTick, 3));
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
