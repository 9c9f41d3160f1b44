namespace AltseasonLive.Grains.Interfaces.Market;

/// <summary>Where one market series' value came from (see <see cref="Ticks.TickSources"/>) and its time, UTC epoch ms.</summary>
[GenerateSerializer, Immutable]
public sealed record SeriesSource(
    [property: Id(0)] string Source,
    [property: Id(1)] long AsOf);
