using System.Text.Json.Serialization;
using AltseasonLive.LoadTest.Load;

namespace AltseasonLive.LoadTest.Soak;

/// <summary>
/// Result of a soak: the load run it made (<see cref="Load"/>: what was asked, whole-run totals with ack and
/// tick-to-client latency in ms, the node and its <c>GET /api/stats</c>, and the samples), the soak's length and
/// sample interval (seconds), when it started, and the verdict.
/// </summary>
public sealed record SoakReport
{
    public required LoadSummary Load { get; init; }
    public required double DurationSeconds { get; init; }
    public required double SampleIntervalSeconds { get; init; }
    public required DateTimeOffset StartedUtc { get; init; }
    public required SoakVerdict Verdict { get; init; }

    /// <summary>The samples of <see cref="Load"/> (in the JSON once, there).</summary>
    [JsonIgnore]
    public IReadOnlyList<LoadSample> Samples => Load.Samples;
}
