using System.Diagnostics.Metrics;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Grains.Telemetry;

/// <summary>
/// The grains' instruments (meter <see cref="MeterName"/>): ticks the asset grains applied and refused, bars they
/// closed, ticks per correlation-group call and events the event log numbered. One instance per silo; recording
/// allocates nothing, so it can sit on the per-batch path.
/// </summary>
public sealed class GrainMetrics
{
    public const string MeterName = "AltseasonLive.Grains";

    public const string TicksAppliedName = "altseason.grains.ticks.applied";
    public const string TicksRefusedName = "altseason.grains.ticks.refused";
    public const string BarsClosedName = "altseason.grains.bars.closed";
    public const string CorrelationBatchName = "altseason.grains.correlation.batch.size";
    public const string EventsLoggedName = "altseason.grains.events.logged";

    private readonly Counter<long> _applied;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _barsClosed;
    private readonly Histogram<int> _correlationBatch;
    private readonly Counter<long> _eventsLogged;
    private readonly string[] _reasonNames = Enum.GetNames<TickRejectReason>();

    public GrainMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _applied = meter.CreateCounter<long>(TicksAppliedName, "{tick}", "Ticks applied by the asset grains (validated, in a bar).");
        _refused = meter.CreateCounter<long>(TicksRefusedName, "{tick}", "Ticks the asset grains refused, by reason (late, in the future, unknown symbol, implausible, ...).");
        _barsClosed = meter.CreateCounter<long>(BarsClosedName, "{bar}", "Bars closed by the asset grains.");
        _correlationBatch = meter.CreateHistogram<int>(CorrelationBatchName, "{tick}", "Ticks in one call to a correlation group (all windows sharing an anchor).");
        _eventsLogged = meter.CreateCounter<long>(EventsLoggedName, "{event}", "Events numbered by the event log.");
    }

    /// <summary>An asset grain took a batch: <paramref name="applied"/> ticks applied, <paramref name="barsClosed"/> bars closed.</summary>
    public void RecordAssetBatch(int applied, int barsClosed)
    {
        _applied.Add(applied);
        _barsClosed.Add(barsClosed);
    }

    /// <summary>One refused tick, tagged <c>reason</c> (a <see cref="TickRejectReason"/> name: a bounded set).</summary>
    public void RecordRefused(TickRejectReason reason) =>
        _refused.Add(1, new KeyValuePair<string, object?>("reason", _reasonNames[(int)reason]));

    public void RecordCorrelationBatch(int ticks) => _correlationBatch.Record(ticks);

    public void AddEventsLogged(int count) => _eventsLogged.Add(count);
}
