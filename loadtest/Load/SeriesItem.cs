namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// One value of the hub's <c>series</c> message. For <see cref="Kind"/> <c>Price</c>, <see cref="TimeMs"/> is the UTC
/// epoch ms of the newest tick of <see cref="Key"/>, which is what tick-to-client latency is measured from.
/// </summary>
public sealed record SeriesItem(string Topic, string Kind, string Key, long TimeMs, double Value, bool BarClosed);
