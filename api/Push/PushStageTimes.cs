namespace AltseasonLive.Api.Push;

/// <summary>
/// Where tick-to-client latency goes, over one stats interval, in ms: the age (now minus tick time) of price values
/// when they arrive from the grains (publisher, ingestion, grains, push notifier) and when the hub flushes them
/// (plus the coalescing wait), the time from a flush until its series message is written to each connection (queue
/// and scheduling included), and the time of one write to a connection (the transport taking the bytes).
/// </summary>
public sealed record PushStageTimes(
    double PriceAgeAtArrivalMeanMs,
    long PriceAgeAtArrivalMaxMs,
    double PriceAgeAtFlushMeanMs,
    long PriceAgeAtFlushMaxMs,
    double FlushToWrittenMeanMs,
    double FlushToWrittenMaxMs,
    double WriteMeanMs,
    double WriteMaxMs);
