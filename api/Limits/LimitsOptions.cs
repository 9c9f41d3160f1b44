using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Api.Limits;

/// <summary>
/// Rate limits per publisher and per connection (configuration section <c>Limits</c>). Every limit is a token bucket:
/// <c>...PerSecond</c> is the sustained rate (fractions allowed, e.g. 0.01 = one per 100 s), <c>...Burst</c> the bucket
/// size (what an idle client may send at once). The defaults leave the load generator's 200,000 ticks/s from 4
/// WebSocket publishers untouched; the built-in feeds publish in-process and are never limited.
/// </summary>
public sealed class LimitsOptions : IValidatableObject
{
    public const string SectionName = "Limits";

    /// <summary>Requests to <c>/api/ticks</c> (POST and WebSocket upgrades) per publisher key (per remote IP without a valid key).</summary>
    [Range(0.001, 1_000_000, ErrorMessage = "Limits:PublishRequestsPerSecond must be between {1} and {2}.")]
    public double PublishRequestsPerSecond { get; set; } = 1_000;

    [Range(1, 10_000_000, ErrorMessage = "Limits:PublishRequestBurst must be between {1} and {2}.")]
    public int PublishRequestBurst { get; set; } = 2_000;

    /// <summary>Ticks (every item received, valid or not) per publisher key: <c>POST /api/ticks</c> bodies and the frames of all its WebSockets.</summary>
    [Range(0.001, 100_000_000, ErrorMessage = "Limits:PublishTicksPerSecond must be between {1} and {2}.")]
    public double PublishTicksPerSecond { get; set; } = 1_000_000;

    /// <summary>At least <c>Ingestion:MaxItems</c>, so that a full-size request can pass.</summary>
    [Range(1, 1_000_000_000, ErrorMessage = "Limits:PublishTickBurst must be between {1} and {2}.")]
    public int PublishTickBurst { get; set; } = 2_000_000;

    /// <summary>Text frames per <c>/api/ticks/ws</c> connection.</summary>
    [Range(0.001, 1_000_000, ErrorMessage = "Limits:StreamFramesPerSecond must be between {1} and {2}.")]
    public double StreamFramesPerSecond { get; set; } = 1_000;

    [Range(1, 10_000_000, ErrorMessage = "Limits:StreamFrameBurst must be between {1} and {2}.")]
    public int StreamFrameBurst { get; set; } = 2_000;

    /// <summary>Ticks (every item of a frame) per <c>/api/ticks/ws</c> connection.</summary>
    [Range(0.001, 100_000_000, ErrorMessage = "Limits:StreamTicksPerSecond must be between {1} and {2}.")]
    public double StreamTicksPerSecond { get; set; } = 500_000;

    /// <summary>At least <c>Ingestion:MaxItems</c>, so that a full-size frame can pass.</summary>
    [Range(1, 1_000_000_000, ErrorMessage = "Limits:StreamTickBurst must be between {1} and {2}.")]
    public int StreamTickBurst { get; set; } = 1_000_000;

    /// <summary>Consecutive over-limit frames after which the WebSocket is closed with PolicyViolation (1008).</summary>
    [Range(1, 1_000_000, ErrorMessage = "Limits:StreamViolationsBeforeClose must be between {1} and {2}.")]
    public int StreamViolationsBeforeClose { get; set; } = 50;

    /// <summary>Hub method invocations (Subscribe, Unsubscribe...) per <c>/hubs/market</c> connection.</summary>
    [Range(0.001, 1_000_000, ErrorMessage = "Limits:HubInvocationsPerSecond must be between {1} and {2}.")]
    public double HubInvocationsPerSecond { get; set; } = 20;

    /// <summary>Room for a dashboard's subscriptions at connect (at most <c>Hub:MaxSubscriptionsPerConnection</c> each).</summary>
    [Range(1, 10_000_000, ErrorMessage = "Limits:HubInvocationBurst must be between {1} and {2}.")]
    public int HubInvocationBurst { get; set; } = 100;

    /// <summary>Consecutive refused invocations after which the hub connection is aborted.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Limits:HubViolationsBeforeAbort must be between {1} and {2}.")]
    public int HubViolationsBeforeAbort { get; set; } = 50;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (rate, rateName, burst, burstName) in new[]
                 {
                     (PublishRequestsPerSecond, nameof(PublishRequestsPerSecond), PublishRequestBurst, nameof(PublishRequestBurst)),
                     (PublishTicksPerSecond, nameof(PublishTicksPerSecond), PublishTickBurst, nameof(PublishTickBurst)),
                     (StreamFramesPerSecond, nameof(StreamFramesPerSecond), StreamFrameBurst, nameof(StreamFrameBurst)),
                     (StreamTicksPerSecond, nameof(StreamTicksPerSecond), StreamTickBurst, nameof(StreamTickBurst)),
                     (HubInvocationsPerSecond, nameof(HubInvocationsPerSecond), HubInvocationBurst, nameof(HubInvocationBurst)),
                 })
        {
            if (burst < Math.Floor(rate))
            {
                yield return new ValidationResult(
                    $"{burstName} ({burst}) must hold at least one second of {rateName} ({rate}), or that rate can never be reached.",
                    [burstName, rateName]);
            }
        }
    }
}
