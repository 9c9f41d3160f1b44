using AltseasonLive.Grains.Interfaces.Assets;

namespace AltseasonLive.Grains.Interfaces.Universe;

/// <summary>A configured symbol; <see cref="Supply"/> (units) is used for market cap when a feed gives none.</summary>
[GenerateSerializer, Immutable]
public sealed record AssetInfo(
    [property: Id(0)] string Symbol,
    [property: Id(1)] AssetClass Class,
    [property: Id(2)] double? Supply,
    [property: Id(3)] string? Name);
