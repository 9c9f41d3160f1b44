namespace AltseasonLive.Grains.Interfaces.Ticks;

/// <summary>One refused tick: <paramref name="Index"/> is its position in the submitted batch.</summary>
[GenerateSerializer, Immutable]
public readonly record struct TickRejection(
    [property: Id(0)] int Index,
    [property: Id(1)] string Symbol,
    [property: Id(2)] TickRejectReason Reason);
