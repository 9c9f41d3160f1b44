using System.Diagnostics.Metrics;

namespace AltseasonLive.Api.Ingestion;

/// <summary>
/// The ingestion endpoints' instruments (meter <see cref="MeterName"/>; <c>POST /api/ticks</c> and <c>/api/ticks/ws</c>):
/// received = items in a request or frame, accepted = taken by the grains, rejected = refused at parse time or by the
/// grains (an unreadable frame counts all its items as rejected), one batch per request or frame answered, and the
/// batch size in items. Exported at <c>/metrics</c> and read back for <c>GET /api/stats</c>.
/// </summary>
public sealed class IngestMetrics
{
    public const string MeterName = "AltseasonLive.Ingestion";

    public const string ReceivedName = "altseason.ticks.received";
    public const string AcceptedName = "altseason.ticks.accepted";
    public const string RejectedName = "altseason.ticks.rejected";
    public const string BatchesName = "altseason.ticks.batches";
    public const string BatchSizeName = "altseason.ticks.batch.size";

    private readonly Counter<long> _received;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _batches;
    private readonly Histogram<int> _batchSize;

    public IngestMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _received = meter.CreateCounter<long>(ReceivedName, "{tick}", "Tick items received in requests and WebSocket frames.");
        _accepted = meter.CreateCounter<long>(AcceptedName, "{tick}", "Ticks taken by the grains.");
        _rejected = meter.CreateCounter<long>(RejectedName, "{tick}", "Tick items refused at parse time or by the grains.");
        _batches = meter.CreateCounter<long>(BatchesName, "{batch}", "Requests and WebSocket frames answered.");
        _batchSize = meter.CreateHistogram<int>(BatchSizeName, "{tick}", "Items in one request or frame.");
    }

    /// <summary>One request or frame answered: <paramref name="received"/> items, of which so many accepted and rejected.</summary>
    public void Record(int received, int accepted, int rejected)
    {
        _received.Add(received);
        _accepted.Add(accepted);
        _rejected.Add(rejected);
        _batches.Add(1);
        _batchSize.Record(received);
    }
}
