using System.Diagnostics;

namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// Turns a run's running totals into per-interval samples: each sample covers the time since the previous one. Tick rates come from the run's totals (its once-a-second <see cref="LoadSnapshot"/>), tick-to-client
/// latency from the run's recorder (its window, so percentiles are of that interval only), memory from <c>/proc</c> and
/// <c>GET /api/stats</c> through the <see cref="ServerProbe"/>. A sample is due every <c>interval</c>, and one ends
/// the run at its <c>duration</c>; a run that ends early keeps its partial interval when it is at least half an interval.
/// </summary>
public sealed class IntervalSampler(TimeSpan interval, TimeSpan duration, LatencyRecorder latency, IReadOnlyList<Subscriber> subscribers, ServerProbe probe)
{
    private const double MiB = 1048576.0;

    /// <summary>The run reports about once a second, a little early or late: a report this close to a sample time takes the sample.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a sample waits for <c>/api/stats</c>: a busy server may answer later, and the run's clock waits for the sample.</summary>
    private static readonly TimeSpan StatsTimeout = TimeSpan.FromSeconds(10);

    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly List<LoadSample> _samples = [];
    private TimeSpan _next;
    private bool _closed;
    private TimeSpan _lastWall;
    private TimeSpan _lastElapsed;
    private long _lastSent;
    private long _lastAccepted;
    private long _lastRejected;
    private long _lastErrors;
    private long _lastUpdates;
    private TimeSpan _lastOwnCpu = Process.GetCurrentProcess().TotalProcessorTime;
    private TimeSpan? _lastServerCpu = probe.ReadCpuTime();

    public IReadOnlyList<LoadSample> Samples => _samples;

    /// <summary>Starts the interval of the first sample: latency recorded before now (connecting) is left out of it.</summary>
    public void Start()
    {
        latency.TakeWindow();
        _next = interval;
        _lastUpdates = subscribers.Sum(s => s.Updates);
        _lastWall = _wall.Elapsed;
        _lastOwnCpu = Process.GetCurrentProcess().TotalProcessorTime;
        _lastServerCpu = probe.ReadCpuTime();
    }

    /// <summary>The sample due at <paramref name="snapshot"/> (the run's latest second), or null when none is.</summary>
    public async Task<LoadSample?> TryTakeAsync(LoadSnapshot snapshot, CancellationToken cancellationToken)
    {
        var final = snapshot.Elapsed >= duration - Tolerance;
        if (_closed || (snapshot.Elapsed < _next - Tolerance && !final))
        {
            return null;
        }

        var sample = await TakeAsync(snapshot, cancellationToken);
        // Closed with the last sample: a report after it and updates during the drain are not counted.
        _closed = final;
        while (_next - Tolerance <= snapshot.Elapsed)
        {
            _next += interval;
        }

        return sample;
    }

    /// <summary>After the last report: a run that ended early (Ctrl+C) keeps its partial interval when it is at least half an interval long.</summary>
    public async Task FinishAsync(LoadSnapshot last, CancellationToken cancellationToken)
    {
        if (!_closed && last.Elapsed - _lastElapsed >= interval / 2)
        {
            await TakeAsync(last, cancellationToken);
        }
    }

    private async Task<LoadSample> TakeAsync(LoadSnapshot snapshot, CancellationToken cancellationToken)
    {
        var interval = latency.TakeWindow();
        var rss = probe.ReadResidentBytes();
        var stats = await TryGetStatsAsync(cancellationToken);
        var counters = ServerCounters.TryParse(stats);

        var wall = _wall.Elapsed;
        var ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var serverCpu = probe.ReadCpuTime();
        var updates = subscribers.Sum(s => s.Updates);

        var seconds = Math.Max(1e-3, (snapshot.Elapsed - _lastElapsed).TotalSeconds);
        var wallSeconds = Math.Max(1e-3, (wall - _lastWall).TotalSeconds);
        static double? ToMiB(long? bytes) => bytes is { } b ? Math.Round(b / MiB, 1) : null;
        var sample = new LoadSample
        {
            Index = _samples.Count + 1,
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
        _samples.Add(sample);
        return sample;
    }

    /// <summary>A busy server may answer <c>/api/stats</c> after <see cref="StatsTimeout"/>: that sample then has no server counters.</summary>
    private async Task<string?> TryGetStatsAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StatsTimeout);
        try
        {
            return await probe.TryGetStatsAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
