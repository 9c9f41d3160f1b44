namespace AltseasonLive.Grains.Interfaces.Events;

/// <summary>
/// Something a trader should see. <see cref="Sequence"/> is assigned by the event log (1, 2, 3... with no gaps; 0 before
/// logging); <see cref="TimeMs"/> is the UTC epoch ms of the bar that triggered it (market time, not wall time).
/// </summary>
[GenerateSerializer, Immutable]
public abstract record MarketEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] long TimeMs)
{
    public abstract EventKind Kind { get; }

    /// <summary>True when raised on demo (synthetic) data: stamped by the event log, never shown as a market event.</summary>
    [Id(2)] public bool Simulated { get; init; }

    /// <summary>Human-readable one-liner, e.g. "RUT/TOTAL3 30-bar Returns correlation broke down to 0.12 ...".</summary>
    public abstract string Describe();

    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(TimeMs);
}
