namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// One load run. <see cref="Rate"/> is the target total ticks per second over all publishers; <see cref="Duration"/> and
/// <see cref="Warmup"/> are wall time (the warm-up is not counted); <see cref="Symbols"/> is how many coins move besides
/// RUT, BTC and ETH. Tracked subscribers measure tick-to-client latency on price updates of their <see cref="Topics"/>;
/// idle subscribers only hold a subscription to <see cref="IdleTopics"/>. Publishers and subscribers are dealt round-robin
/// over the nodes of <see cref="Urls"/> (publisher i and subscriber i on node i mod N). With <see cref="SampleInterval"/>
/// the run also takes a <see cref="LoadSample"/> per interval (the soak).
/// </summary>
public sealed record LoadSettings
{
    /// <summary>Base addresses of the nodes (one for a single server).</summary>
    public IReadOnlyList<Uri> Urls { get; init; } = [new("http://127.0.0.1:5080/")];

    public string Key { get; init; } = "";

    public PublishTransport Transport { get; init; } = PublishTransport.WebSocket;

    public int Publishers { get; init; } = 4;

    public double Rate { get; init; } = 10_000;

    /// <summary>Ticks per frame or request.</summary>
    public int Batch { get; init; } = 500;

    /// <summary>Frames or requests a publisher may have unacknowledged.</summary>
    public int InFlight { get; init; } = 4;

    public int Subscribers { get; init; } = 10;

    public int IdleSubscribers { get; init; }

    public IReadOnlyList<string> Topics { get; init; } = ["asset:BTC", "asset:ETH", "asset:RUT", "dominance", "events"];

    public IReadOnlyList<string> IdleTopics { get; init; } = ["events"];

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    public int Symbols { get; init; } = 20;

    public int Seed { get; init; } = 20260101;

    /// <summary>
    /// Process ids of the nodes on this machine, in the order of <see cref="Urls"/>, for their resident memory
    /// (/proc/PID/status) and CPU time; empty when unknown.
    /// </summary>
    public IReadOnlyList<int> ServerPids { get; init; } = [];

    /// <summary>Time between samples (at least 1 s; one node, no warm-up); null for a run without samples.</summary>
    public TimeSpan? SampleInterval { get; init; }

    /// <summary>Subscriber connections opened at the same time while connecting.</summary>
    public int ConnectConcurrency { get; init; } = 64;

    public void Validate()
    {
        static void Check(bool ok, string message)
        {
            if (!ok)
            {
                throw new ArgumentException(message);
            }
        }

        Check(Urls.Count >= 1, "At least one --url is required.");
        Check(Urls.All(u => u.IsAbsoluteUri && u.Scheme is "http" or "https"), "--url must be an absolute http(s) address.");
        Check(ServerPids.Count == 0 || ServerPids.Count == Urls.Count, "Give one --server-pid per --url, in the same order, or none.");
        Check(!string.IsNullOrWhiteSpace(Key), "A publish key is required (--key or ALTSEASON_PUBLISH_KEY).");
        Check(Publishers >= 1, "--publishers must be at least 1.");
        Check(Rate > 0, "--rate must be positive.");
        Check(Batch >= 1, "--batch must be at least 1.");
        Check(InFlight >= 1, "--in-flight must be at least 1.");
        Check(Subscribers >= 0 && IdleSubscribers >= 0, "Subscriber counts must not be negative.");
        Check(Duration > TimeSpan.Zero, "--duration must be positive.");
        Check(Warmup >= TimeSpan.Zero, "--warmup must not be negative.");
        Check(Symbols >= 0, "--symbols must not be negative.");
        Check(ConnectConcurrency >= 1, "Connect concurrency must be at least 1.");
        if (SampleInterval is { } interval)
        {
            Check(interval >= TimeSpan.FromSeconds(1), "--sample-interval must be at least 1 s (the run reports once a second).");
            Check(Duration >= interval, "--duration must be at least one --sample-interval.");
            Check(Warmup == TimeSpan.Zero, "Samples cover the whole run: a sampled run has no warm-up.");
            Check(Urls.Count == 1, "Samples judge one server's memory: a sampled run takes a single --url.");
        }
    }
}
