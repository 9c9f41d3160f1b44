namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// One line of live progress, about once a second. Rates are per second over the last interval; latencies are the
/// interval's percentiles (ms). <see cref="Measuring"/> is false during the warm-up. <see cref="ServerResidentBytes"/> adds
/// up the nodes whose process is known. <see cref="Sample"/> is the sample a sampled run took at this second, if any.
/// </summary>
public sealed record LoadSnapshot(
    TimeSpan Elapsed,
    bool Measuring,
    double SentPerSecond,
    double AcceptedPerSecond,
    long TicksSent,
    long TicksAccepted,
    long TicksRejected,
    long Errors,
    LatencySummary TickToClient,
    LatencySummary Ack,
    double UpdatesPerSecond,
    int SubscribersConnected,
    int SubscribersDropped,
    long? ServerResidentBytes,
    LoadSample? Sample = null);
