namespace AltseasonLive.Grains.Interfaces.Live;

/// <summary>
/// One live value for the dashboard. <see cref="TimeMs"/> is UTC epoch ms of the data; <see cref="BarClosed"/> is false
/// while the value still includes an in-progress bar. <see cref="Source"/> is where the value came from (see
/// <see cref="Ticks.TickSources"/>; null for correlations, which are computed from two).
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct SeriesUpdate(
    [property: Id(0)] SeriesKind Kind,
    [property: Id(1)] string Key,
    [property: Id(2)] long TimeMs,
    [property: Id(3)] double Value,
    [property: Id(4)] bool BarClosed,
    [property: Id(5)] string? Source = null);
