namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// Result of a load run over the measured period (after the warm-up). Rates are ticks per second; latencies are in ms;
/// memory in MiB. <see cref="AcceptedPerSecond"/> is what the server acknowledged as processed: the api acks a batch only
/// after the ingest grain finished with it. The figures add up every node; <see cref="Nodes"/> has each node's, with
/// what the node itself reported.
/// </summary>
public sealed record LoadSummary
{
    public required IReadOnlyList<string> Urls { get; init; }
    public required string Transport { get; init; }
    public required int Publishers { get; init; }
    public required double TargetRate { get; init; }
    public required int Batch { get; init; }
    public required int Symbols { get; init; }
    public required int Seed { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }
    public required double WarmupSeconds { get; init; }
    public required double MeasuredSeconds { get; init; }

    public required long TicksSent { get; init; }
    public required long TicksAcknowledged { get; init; }
    public required long TicksAccepted { get; init; }
    public required long TicksRejected { get; init; }
    public required long BatchesSent { get; init; }
    public required long BatchesAcknowledged { get; init; }
    public required long PublishErrors { get; init; }
    public required double SentPerSecond { get; init; }
    public required double AcceptedPerSecond { get; init; }

    /// <summary>Batch send to server acknowledgement.</summary>
    public required LatencySummary AckLatency { get; init; }

    /// <summary>Tick timestamp (send time) to receipt of its price update by a tracked subscriber.</summary>
    public required LatencySummary TickToClientLatency { get; init; }

    /// <summary>Latency samples outside 0..1 h (clock skew or ticks from another feed), not in the percentiles.</summary>
    public required long LatencyOutOfRange { get; init; }

    public required SubscriberSummary Subscribers { get; init; }

    /// <summary>CPU time of this load generator over the measured period / wall time (cores busy).</summary>
    public required double GeneratorCpuCores { get; init; }

    /// <summary>Each node, in the order of <see cref="Urls"/>.</summary>
    public required IReadOnlyList<NodeSummary> Nodes { get; init; }

    /// <summary>The samples of a sampled run (the soak), empty otherwise.</summary>
    public IReadOnlyList<LoadSample> Samples { get; init; } = [];
}

/// <summary>
/// Subscriber side. Updates are series values plus events per tracked client. <see cref="PriceUpdatesExpected"/> is the
/// price ticks sent for each client's asset topics; the gap to <see cref="PriceUpdatesReceivedMean"/> is what the server
/// coalesced or dropped for that client, estimated from this side (<see cref="NodeSummary.ServerMeasured"/> has each
/// node's exact counts when it exposes them).
/// </summary>
public sealed record SubscriberSummary(
    int Tracked,
    int Idle,
    int Connected,
    int ConnectFailures,
    int DroppedDuringRun,
    long UpdatesMin,
    long UpdatesMedian,
    long UpdatesMax,
    long UpdatesTotal,
    long IdleUpdatesTotal,
    double PriceUpdatesExpected,
    double PriceUpdatesReceivedMean,
    double CoalescedOrDroppedFraction);

/// <summary>
/// One node's server side: <c>/api/stats</c> when exposed (raw JSON); resident memory and CPU (cores busy over the
/// measured period) when its pid was given.
/// </summary>
public sealed record ServerSummary(
    bool StatsEndpointAvailable,
    string? StatsAtStart,
    string? StatsAtEnd,
    double? ResidentMiBStart,
    double? ResidentMiBPeak,
    double? ResidentMiBEnd,
    double? CpuCores);
