namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// One load run. <see cref="Rate"/> is the target total ticks per second over all publishers; <see cref="Duration"/> and
/// <see cref="Warmup"/> are wall time (the warm-up is not counted); <see cref="Symbols"/> is how many coins move besides
/// RUT, BTC and ETH. Tracked subscribers measure tick-to-client latency on price updates of their <see cref="Topics"/>;
/// idle subscribers only hold a subscription to <see cref="IdleTopics"/>.
/// </summary>
public sealed record LoadSettings
{
    public Uri Url { get; init; } = new("http://127.0.0.1:5080");

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

    /// <summary>Process id of the server on this machine, for its resident memory (/proc/PID/status); null when unknown.</summary>
    public int? ServerPid { get; init; }

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

        Check(Url.IsAbsoluteUri && Url.Scheme is "http" or "https", "--url must be an absolute http(s) address.");
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
    }
}
