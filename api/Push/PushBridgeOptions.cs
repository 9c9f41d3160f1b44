using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Api.Push;

/// <summary>How often the hub observer renews its registration with the grains (configuration section <c>PushBridge</c>), in seconds.</summary>
public sealed class PushBridgeOptions
{
    public const string SectionName = "PushBridge";

    [Range(1, 60)]
    public int RegisterIntervalSeconds { get; set; } = 5;
}
