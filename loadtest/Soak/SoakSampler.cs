using System.Diagnostics;
using AltseasonLive.LoadTest.Load;

namespace AltseasonLive.LoadTest.Soak;

/// <summary>
/// Turns the load runner's running totals into per-interval samples: each call to <see cref="TakeAsync"/> covers the
/// time since the previous one. Tick rates come from the runner's totals, tick-to-client latency from the soak's own
/// recorder (drained per interval, so percentiles are of that interval only), memory from <c>/proc</c> and
/// <c>GET /api/stats</c> through the <see cref="ServerProbe"/>.
/// </summary>
public sealed class SoakSampler(LatencyRecorder latency, IReadOnlyList<Subscriber> subscribers, ServerProbe probe)
{
    private const double MiB = 1048576.0;

    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private TimeSpan _lastWall;
    private TimeSpan _lastElapsed;
    private long _lastSent;
    private long _lastAccepted;
    private long _lastRejected;
    private long _lastErrors;
    private long _lastUpdates;
    private TimeSpan _lastOwnCpu = Process.GetCurrentProcess().TotalProcessorTime;
    private TimeSpan? _lastServerCpu = probe.ReadCpuTime();

    /// <summary>Raw <c>GET /api/stats</c> JSON of the latest sample that had any known figure; null when the server does not expose it.</summary>
    public string? LastStatsJson { get; private set; }

    public int Count { get; private set; }

    /// <summary>Elapsed time (since publishing started) at the end of the latest sample.</summary>
    public TimeSpan LastElapsed => _lastElapsed;

    /// <summary>Starts the interval of the first sample: latency recorded before now (connecting) is discarded.</summary>
    public void Start()
    {
        latency.Reset();
        _lastUpdates = subscribers.Sum(s => s.Updates);
        _lastWall = _wall.Elapsed;
        _lastOwnCpu = Process.GetCurrentProcess().TotalProcessorTime;
        _lastServerCpu = probe.ReadCpuTime();
    }

    /// <summary>Samples the interval that ends with <paramref name="snapshot"/> (the runner's latest second).</summary>
    public async Task<SoakSample> TakeAsync(LoadSnapshot snapshot, CancellationToken cancellationToken)
    {
        var interval = latency.TakeInterval();
        var rss = probe.ReadResidentBytes();
        var stats = await TryGetStatsAsync(cancellationToken);
        var counters = ServerCounters.TryParse(stats);
        if (counters is not null)
        {
            LastStatsJson = stats;
        }

        var wall = _wall.Elapsed;
        var ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var serverCpu = probe.ReadCpuTime();
        var updates = subscribers.Sum(s => s.Updates);

        var seconds = Math.Max(1e-3, (snapshot.Elapsed - _lastElapsed).TotalSeconds);
        var wallSeconds = Math.Max(1e-3, (wall - _lastWall).TotalSeconds);
        static double? ToMiB(long? bytes) => bytes is { } b ? Math.Round(b / MiB, 1) : null;
        var sample = new SoakSample
        {
            Index = ++Count,
            ElapsedSeconds = Math.Round(snapshot.Elapsed.TotalSeconds, 3),
            IntervalSeconds = Math.Round(seconds, 3),
            SentPerSecond = Math.Round((snapshot.TicksSent - _lastSent) / seconds, 1),
            AcceptedPerSecond = Math.Round((snapshot.TicksAccepted - _lastAccepted) / seconds, 1),
            TicksRejected = snapshot.TicksRejected - _lastRejected,
            PublishErrors = snapshot.Errors - _lastErrors,
            TickToClient = interval,
            ClientUpdatesPerSecond = Math.Round(Math.Max(0, updates - _lastUpdates) / wallSeconds, 1),
            SubscribersConnected = subscribers.Count(s => !s.Dropped),
            SubscribersDropped = subscribers.Count(s => s.Dropped),
            ServerResidentMiB = ToMiB(rss),
            ServerGcHeapMiB = ToMiB(counters?.GcHeapBytes),
            ServerWorkingSetMiB = ToMiB(counters?.WorkingSetBytes),
            ServerConnections = counters?.Connections,
            ServerDropped = counters?.SeriesDropped,
            ServerCoalesced = counters?.SeriesCoalesced,
            ServerClientsDropped = counters?.ClientsDropped,
            ServerCpuCores = serverCpu is { } end && _lastServerCpu is { } start ? Math.Round((end - start).TotalSeconds / wallSeconds, 2) : null,
            GeneratorCpuCores = Math.Round((ownCpu - _lastOwnCpu).TotalSeconds / wallSeconds, 2),
        };

        _lastElapsed = snapshot.Elapsed;
        _lastSent = snapshot.TicksSent;
        _lastAccepted = snapshot.TicksAccepted;
        _lastRejected = snapshot.TicksRejected;
        _lastErrors = snapshot.Errors;
        _lastUpdates = updates;
        _lastWall = wall;
        _lastOwnCpu = ownCpu;
        _lastServerCpu = serverCpu;
        return sample;
    }

    /// <summary>A busy server may answer <c>/api/stats</c> after the client's timeout: that sample then has no server counters.</summary>
    private async Task<string?> TryGetStatsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await probe.TryGetStatsAsync(cancellationToken);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
