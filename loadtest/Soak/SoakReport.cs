using AltseasonLive.LoadTest.Load;

namespace AltseasonLive.LoadTest.Soak;

/// <summary>
/// Result of a soak: what was asked (target ticks/s, connections, seconds), the samples, whole-run totals (ticks,
/// ack and tick-to-client latency in ms over the whole run) and the verdict. <see cref="StatsAtEnd"/> is the raw
/// <c>GET /api/stats</c> JSON of the last sample, null when the server has no such endpoint.
/// </summary>
public sealed record SoakReport
{
    public required string Url { get; init; }
    public required string Transport { get; init; }
    public required double TargetRate { get; init; }
    public required int Publishers { get; init; }
    public required int Batch { get; init; }
    public required int Subscribers { get; init; }
    public required int Symbols { get; init; }
    public required double DurationSeconds { get; init; }
    public required double SampleIntervalSeconds { get; init; }
    public required DateTimeOffset StartedUtc { get; init; }
    public required double MeasuredSeconds { get; init; }
    public required long TicksSent { get; init; }
    public required long TicksAccepted { get; init; }
    public required double AcceptedPerSecond { get; init; }
    public required LatencySummary AckLatency { get; init; }
    public required LatencySummary TickToClientLatency { get; init; }
    public required bool StatsEndpointAvailable { get; init; }
    public string? StatsAtEnd { get; init; }
    public required IReadOnlyList<SoakSample> Samples { get; init; }
    public required SoakVerdict Verdict { get; init; }
}
