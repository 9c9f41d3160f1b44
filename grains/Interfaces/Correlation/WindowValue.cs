namespace AltseasonLive.Grains.Interfaces.Correlation;

/// <summary>The committed correlation of a sibling window of the same pair and mode at the same bar (null when undefined).</summary>
[GenerateSerializer, Immutable]
public readonly record struct WindowValue(
    [property: Id(0)] int Window,
    [property: Id(1)] double? Correlation);
