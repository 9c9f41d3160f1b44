namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// One node of a run and what the run keeps apart for it: its HTTP client and <see cref="ServerProbe"/>, the counters of
/// the publishers sent to it and the latency of its tracked subscribers (both also counted in the run's), its
/// subscribers, and its readings over the measured period, read when the run starts and ends measuring.
/// </summary>
public sealed class LoadNode : IDisposable
{
    private PublisherTotals _baseline;
    private TimeSpan? _cpuAtStart;
    private string? _statsAtStart;
    private Measured? _measured;
    private long? _residentStart;
    private long? _residentPeak;
    private long? _residentLast;

    public LoadNode(Uri url, int? pid, PublisherCounters run, LatencyRecorder runLatency)
    {
        Url = url;
        Pid = pid;
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 })
        {
            BaseAddress = url,
            Timeout = TimeSpan.FromSeconds(30),
        };
        Probe = new ServerProbe(Http, pid);
        Counters = new PublisherCounters(run);
        Latency = new LatencyRecorder(runLatency);
    }

    public Uri Url { get; }

    /// <summary>The node's process on this machine, or null when unknown.</summary>
    public int? Pid { get; }

    public HttpClient Http { get; }

    public ServerProbe Probe { get; }

    public PublisherCounters Counters { get; }

    /// <summary>Tick-to-client latency of this node's tracked subscribers.</summary>
    public LatencyRecorder Latency { get; }

    public List<Subscriber> Tracked { get; } = [];

    public List<Subscriber> Idle { get; } = [];

    public IEnumerable<Subscriber> Subscribers => Tracked.Concat(Idle);

    /// <summary>Publisher connections sent to this node.</summary>
    public int Publishers { get; set; }

    /// <summary>Reads the node's resident memory (bytes) and keeps its start, peak and last over the measured period.</summary>
    public long? SampleMemory()
    {
        var bytes = Probe.ReadResidentBytes();
        if (bytes is { } b)
        {
            _residentStart ??= b;
            _residentLast = b;
            _residentPeak = _residentPeak is { } p ? Math.Max(p, b) : b;
        }

        return bytes;
    }

    /// <summary>The measured period starts: counts so far (the warm-up) are left out; reads the server's counters.</summary>
    public async Task StartMeasuringAsync(CancellationToken cancellationToken)
    {
        _baseline = Counters.Read();
        Latency.Reset();
        Counters.AckLatency.Reset();
        _cpuAtStart = Probe.ReadCpuTime();
        _residentStart = _residentPeak = _residentLast = Probe.ReadResidentBytes();
        _statsAtStart = await Probe.TryGetStatsAsync(cancellationToken);
    }

    /// <summary>The measured period ends after <paramref name="elapsed"/>: keeps this node's figures before publishers drain.</summary>
    public void EndMeasuring(TimeSpan elapsed)
    {
        double? cores = Probe.ReadCpuTime() is { } end && _cpuAtStart is { } start ? (end - start).TotalSeconds / elapsed.TotalSeconds : null;
        _measured = new Measured(
            Counters.Read() - _baseline,
            elapsed,
            Latency.Total(),
            Counters.AckLatency.Total(),
            Subscribers.Sum(s => s.Updates),
            Subscribers.Count(s => s.Dropped),
            cores);
    }

    /// <summary>The publishers' totals over the measured period.</summary>
    public PublisherTotals MeasuredTotals => (_measured ?? throw new InvalidOperationException("The node's measured period has not ended.")).Totals;

    /// <summary>This node's part of the summary; <paramref name="statsAtEnd"/> is its <c>GET /api/stats</c> at the end of the measured period.</summary>
    public NodeSummary Summarise(string? statsAtEnd)
    {
        var m = _measured ?? throw new InvalidOperationException("The node's measured period has not ended.");
        var seconds = Math.Max(1e-3, m.Elapsed.TotalSeconds);
        var subscribers = Tracked.Count + Idle.Count;
        var failures = Subscribers.Count(s => s.ConnectFailed);
        static double? MiB(long? bytes) => bytes is { } b ? Math.Round(b / 1048576.0, 1) : null;
        return new NodeSummary(
            Url.ToString(),
            Publishers,
            m.Totals.TicksSent,
            m.Totals.TicksAccepted,
            m.Totals.TicksRejected,
            m.Totals.Errors,
            Math.Round(m.Totals.TicksAccepted / seconds, 1),
            subscribers,
            subscribers - failures - m.Dropped,
            failures,
            m.Dropped,
            m.Updates,
            m.TickToClient,
            m.Ack,
            new ServerSummary(
                Probe.StatsAvailable && statsAtEnd is not null,
                _statsAtStart,
                statsAtEnd,
                MiB(_residentStart),
                MiB(_residentPeak),
                MiB(_residentLast),
                m.CpuCores is { } cores ? Math.Round(cores, 2) : null),
            ServerMeasured.Between(ServerCounters.TryParse(_statsAtStart), ServerCounters.TryParse(statsAtEnd)));
    }

    public void Dispose() => Http.Dispose();

    private sealed record Measured(
        PublisherTotals Totals, TimeSpan Elapsed, LatencySummary TickToClient, LatencySummary Ack, long Updates, int Dropped, double? CpuCores);
}
