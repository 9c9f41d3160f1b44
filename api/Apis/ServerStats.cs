using AltseasonLive.Api.Push;

namespace AltseasonLive.Api.Apis;

/// <summary>
/// Body of <c>GET /api/stats</c>: totals since start plus per-second rates over the sampler's last completed interval
/// (<see cref="IntervalSeconds"/>, about 1 s). <see cref="AtMs"/> is UTC epoch ms.
/// </summary>
public sealed record ServerStats(
    long AtMs,
    double UptimeSeconds,
    double IntervalSeconds,
    TickStats Ticks,
    HubStats Hub,
    GrainStats Grains,
    PushStageTimes Stages,
    ProcessStats Process);

/// <summary>Ingestion totals (ticks) and their rates (ticks/s).</summary>
public sealed record TickStats(
    long Received,
    long Accepted,
    long Rejected,
    long Batches,
    double ReceivedPerSecond,
    double AcceptedPerSecond,
    double RejectedPerSecond);

/// <summary>
/// Browser push totals (see <see cref="PushCounters"/>), the current outbox backlog in messages (sum and largest
/// queue over all connections, against the per-client capacity), rates per second, and the ordered event path's
/// counts (events held back for a gap, fetched again from the log, arrived out of order).
/// </summary>
public sealed record HubStats(
    int Connections,
    long SeriesOffered,
    long SeriesCoalesced,
    long SeriesFlushed,
    long SeriesDropped,
    long SeriesMessagesSent,
    long EventsOffered,
    long EventMessagesSent,
    long MessagesSent,
    long ClientsDropped,
    IReadOnlyDictionary<string, long> ClientDropReasons,
    long OutboxQueued,
    long OutboxQueuedMax,
    int OutboxCapacity,
    double SeriesOfferedPerSecond,
    double SeriesDroppedPerSecond,
    double MessagesSentPerSecond,
    long EventsHeldBack,
    long EventsRefetched,
    long EventsOutOfOrder);

/// <summary>Grain totals since start: ticks applied and refused by the asset grains, bars closed, events numbered by the event log.</summary>
public sealed record GrainStats(
    long TicksApplied,
    long TicksRefused,
    long BarsClosed,
    long EventsLogged);

/// <summary>The api process: managed heap and working set in bytes, CPU seconds since start and cores busy over the interval.</summary>
public sealed record ProcessStats(
    long GcHeapBytes,
    long WorkingSetBytes,
    long AllocatedBytes,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    double CpuSeconds,
    double CpuCoresBusy,
    int ProcessorCount);
