namespace AltseasonLive.Grains.Interfaces.Correlation;

/// <summary>
/// One committed value of a series at a bar start (UTC epoch ms). For a pair-window, <see cref="BandLower"/> and
/// <see cref="BandUpper"/> are the usual range the breakdown rule compared that bar against (null while the band was
/// still learning, and for market series).
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct HistoryPoint(
    [property: Id(0)] long TimeMs,
    [property: Id(1)] double Value,
    [property: Id(2)] double? BandLower = null,
    [property: Id(3)] double? BandUpper = null);
