namespace AltseasonLive.Grains.Interfaces.Correlation;

/// <summary>One committed value of a series at a bar start (UTC epoch ms).</summary>
[GenerateSerializer, Immutable]
public readonly record struct HistoryPoint(
    [property: Id(0)] long TimeMs,
    [property: Id(1)] double Value);
