using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Api.Push;

/// <summary>How often the hub observer renews its registration with the grains (configuration section <c>PushBridge</c>).</summary>
public sealed class PushBridgeOptions
{
    public const string SectionName = "PushBridge";

    /// <summary>Time between renewals; keep it well under <c>Push:ObserverExpiry</c>, after which the registry forgets the observer.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "PushBridge:RegisterInterval must be between {1} and {2}.")]
    public TimeSpan RegisterInterval { get; set; } = TimeSpan.FromSeconds(5);
}
