using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Api.Hubs;

/// <summary>
/// Limits of the browser push channel (configuration section <c>Hub</c>). They bound what one client can cost the
/// server: a slow client loses series updates first and is disconnected when its event backlog overflows.
/// </summary>
public sealed class MarketHubOptions : IValidatableObject
{
    public const string SectionName = "Hub";

    /// <summary>
    /// Hub flushes per second: each connection gets at most one <c>series</c> and one <c>events</c> message per flush,
    /// series are coalesced per topic and key in between. A value waits at most 1/this seconds, so 20 keeps that wait
    /// (50 ms) within half of the 100 ms tick-to-client budget, while a browser still gets a redraw rate it can use.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "Hub:MaxUpdatesPerSecond must be between {1} and {2}.")]
    public int MaxUpdatesPerSecond { get; set; } = 20;

    /// <summary>Capacity of a client's outgoing queue, in messages (snapshots and event batches). Overflow disconnects the client.</summary>
    [Range(4, 1_000_000, ErrorMessage = "Hub:ClientBufferCapacity must be between {1} and {2}.")]
    public int ClientBufferCapacity { get; set; } = 1024;

    /// <summary>Queue fill (fraction of <see cref="ClientBufferCapacity"/>) above which series updates are dropped for that client.</summary>
    [Range(0.05, 1.0, ErrorMessage = "Hub:DegradeThreshold must be between {1} and {2}.")]
    public double DegradeThreshold { get; set; } = 0.5;

    /// <summary>A single send that takes longer than this disconnects the client (checked every second).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Hub:SendTimeout must be between {1} and {2}.")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(1, 1000, ErrorMessage = "Hub:MaxSubscriptionsPerConnection must be between {1} and {2}.")]
    public int MaxSubscriptionsPerConnection { get; set; } = 32;

    /// <summary>Largest hub invocation a client may send, in bytes.</summary>
    [Range(512, 1_048_576, ErrorMessage = "Hub:MaximumReceiveMessageSize must be between {1} and {2}.")]
    public long MaximumReceiveMessageSize { get; set; } = 8 * 1024;

    /// <summary>Most missed events replayed to a reconnecting client before it is told to resync instead.</summary>
    [Range(1, 100_000, ErrorMessage = "Hub:MaxReplayEvents must be between {1} and {2}.")]
    public int MaxReplayEvents { get; set; } = 5000;

    /// <summary>
    /// How long this hub holds events that arrived ahead of an earlier sequence before it reads the missing ones from
    /// the event log. Batches from the grains normally overtake each other by a few ms; the default (250 ms) leaves them
    /// time without delaying a real gap much.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00", ErrorMessage = "Hub:EventGapHold must be between {1} and {2}.")]
    public TimeSpan EventGapHold { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How many recent events the snapshot of the <c>events</c> topic carries.</summary>
    [Range(0, 10_000, ErrorMessage = "Hub:SnapshotEvents must be between {1} and {2}.")]
    public int SnapshotEvents { get; set; } = 50;

    /// <summary>Queued messages above which series updates are dropped: the degrade threshold's share of the buffer.</summary>
    public int DegradeAt => (int)(ClientBufferCapacity * DegradeThreshold);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DegradeAt < 1)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(DegradeThreshold)} x {SectionName}:{nameof(ClientBufferCapacity)} must leave at least one queued message before series updates are dropped.",
                [nameof(DegradeThreshold)]);
        }
    }
}
