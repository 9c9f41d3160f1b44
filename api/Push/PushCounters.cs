using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AltseasonLive.Api.Push;

/// <summary>
/// The browser push path's instruments (meter <see cref="MeterName"/>): counters of series values, events and hub
/// messages, cut-off clients per reason, and histograms (ms) of where tick-to-client latency goes. They are exported at
/// <c>/metrics</c>, shown by <c>dotnet-counters</c> and read back for <c>GET /api/stats</c> through
/// <see cref="Telemetry.MetricsView"/>; nothing is counted twice. Series counts are values (one topic and key each);
/// message counts are hub messages written to a connection. Recording allocates nothing.
/// </summary>
public sealed class PushCounters
{
    public const string MeterName = "AltseasonLive.Push";

    public const string SeriesOfferedName = "altseason.push.series.offered";
    public const string SeriesCoalescedName = "altseason.push.series.coalesced";
    public const string SeriesFlushedName = "altseason.push.series.flushed";
    public const string SeriesDroppedName = "altseason.push.series.dropped";
    public const string EventsOfferedName = "altseason.push.events.offered";
    public const string EventsHeldBackName = "altseason.push.events.held_back";
    public const string EventsRefetchedName = "altseason.push.events.refetched";
    public const string EventsOutOfOrderName = "altseason.push.events.out_of_order";
    public const string MessagesSentName = "altseason.push.messages.sent";
    public const string ClientsDroppedName = "altseason.push.clients.dropped";
    public const string ArrivalAgeName = "altseason.push.price.age_at_arrival";
    public const string FlushAgeName = "altseason.push.price.age_at_flush";
    public const string FlushToWrittenName = "altseason.push.flush_to_written";
    public const string WriteDurationName = "altseason.push.write.duration";

    /// <summary>Tag of <see cref="MessagesSentName"/>: the hub method (<c>series</c>, <c>events</c>, <c>snapshot</c>, …).</summary>
    public const string MethodTag = "method";

    /// <summary>Tag of <see cref="ClientsDroppedName"/>: why the connection was cut off.</summary>
    public const string ReasonTag = "reason";

    private static readonly double MsPerStopwatchTick = 1000.0 / Stopwatch.Frequency;

    private readonly Counter<long> _seriesOffered;
    private readonly Counter<long> _seriesCoalesced;
    private readonly Counter<long> _seriesFlushed;
    private readonly Counter<long> _seriesDropped;
    private readonly Counter<long> _eventsOffered;
    private readonly Counter<long> _eventsHeldBack;
    private readonly Counter<long> _eventsRefetched;
    private readonly Counter<long> _eventsOutOfOrder;
    private readonly Counter<long> _messagesSent;
    private readonly Counter<long> _clientsDropped;
    private readonly Histogram<double> _arrivalAge;
    private readonly Histogram<double> _flushAge;
    private readonly Histogram<double> _flushToWritten;
    private readonly Histogram<double> _write;

    public PushCounters(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _seriesOffered = meter.CreateCounter<long>(SeriesOfferedName, "{value}", "Series values handed to the hub by the grains.");
        _seriesCoalesced = meter.CreateCounter<long>(SeriesCoalescedName, "{value}", "Series values replaced by a newer value of the same topic and key before they were flushed.");
        _seriesFlushed = meter.CreateCounter<long>(SeriesFlushedName, "{value}", "Series values flushed to their topic's subscribers (once per value, however many subscribers).");
        _seriesDropped = meter.CreateCounter<long>(SeriesDroppedName, "{value}", "Per-client deliveries of series messages skipped because that client was behind.");
        _eventsOffered = meter.CreateCounter<long>(EventsOfferedName, "{event}", "Events handed to the hub by the grains.");
        _eventsHeldBack = meter.CreateCounter<long>(EventsHeldBackName, "{event}", "Events held back until the events before them in sequence arrived.");
        _eventsRefetched = meter.CreateCounter<long>(EventsRefetchedName, "{event}", "Events fetched again from the event log to close a gap in the sequence.");
        _eventsOutOfOrder = meter.CreateCounter<long>(EventsOutOfOrderName, "{event}", "Events that arrived from the grains out of sequence order.");
        _messagesSent = meter.CreateCounter<long>(MessagesSentName, "{message}", "Hub messages written to connections, per hub method.");
        _clientsDropped = meter.CreateCounter<long>(ClientsDroppedName, "{connection}", "Connections the server cut off, per reason (stalled, buffer full, send timeout, writer failure).");
        _arrivalAge = meter.CreateHistogram<double>(ArrivalAgeName, "ms", "Mean age (now minus tick time) of the price values of one delivery from the grains: latency spent before the hub.");
        _flushAge = meter.CreateHistogram<double>(FlushAgeName, "ms", "Mean age (now minus tick time) of the price values of one hub flush.");
        _flushToWritten = meter.CreateHistogram<double>(FlushToWrittenName, "ms", "Time from a hub flush until its series message was written to a connection (queueing and scheduling included).");
        _write = meter.CreateHistogram<double>(WriteDurationName, "ms", "Time of one write of a hub message to a connection.");
    }

    public void AddSeriesOffered(int count) => _seriesOffered.Add(count);

    public void AddSeriesCoalesced(int count) => _seriesCoalesced.Add(count);

    public void AddSeriesDropped(int count) => _seriesDropped.Add(count);

    public void AddEventsOffered(int count) => _eventsOffered.Add(count);

    /// <summary><paramref name="count"/> events waited for the events before them in sequence.</summary>
    public void AddEventsHeldBack(int count) => _eventsHeldBack.Add(count);

    /// <summary><paramref name="count"/> events were fetched again from the event log to close a gap.</summary>
    public void AddEventsRefetched(int count) => _eventsRefetched.Add(count);

    /// <summary><paramref name="count"/> events arrived out of sequence order.</summary>
    public void AddEventsOutOfOrder(int count) => _eventsOutOfOrder.Add(count);

    /// <summary>
    /// Price values arrived from the grains, <paramref name="totalAgeMs"/> old together (now minus tick time) and
    /// <paramref name="maxAgeMs"/> at most: the part of tick-to-client latency spent before the hub. Recorded as the
    /// delivery's mean age.
    /// </summary>
    public void RecordArrival(int values, long totalAgeMs, long maxAgeMs)
    {
        if (values > 0)
        {
            _arrivalAge.Record((double)totalAgeMs / values);
        }
    }

    /// <summary>
    /// A flush of <paramref name="values"/> series values; <paramref name="priceValues"/> price values among them were
    /// <paramref name="totalAgeMs"/> old together and <paramref name="maxAgeMs"/> at most. Recorded as the flush's mean age.
    /// </summary>
    public void RecordFlush(int values, int priceValues, long totalAgeMs, long maxAgeMs)
    {
        _seriesFlushed.Add(values);
        if (priceValues > 0)
        {
            _flushAge.Record((double)totalAgeMs / priceValues);
        }
    }

    /// <summary>One message written to a connection, which took <paramref name="elapsedTicks"/> Stopwatch ticks.</summary>
    public void RecordSent(string method, long elapsedTicks)
    {
        _messagesSent.Add(1, new KeyValuePair<string, object?>(MethodTag, method));
        _write.Record(elapsedTicks * MsPerStopwatchTick);
    }

    /// <summary>A series message written to a connection <paramref name="elapsedTicks"/> Stopwatch ticks after its flush.</summary>
    public void RecordDelivered(long elapsedTicks) => _flushToWritten.Record(elapsedTicks * MsPerStopwatchTick);

    public void RecordClientDropped(string reason) => _clientsDropped.Add(1, new KeyValuePair<string, object?>(ReasonTag, reason));
}
