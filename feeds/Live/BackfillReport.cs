namespace AltseasonLive.Feeds.Live;

/// <summary>
/// What one source backfilled at start: days (UTC dates, inclusive), symbols and ticks fetched, or why it could not;
/// <see cref="CachedTicks"/> daily closes came from the cache in the data folder instead.
/// </summary>
public sealed record BackfillReport(string Source, DateOnly From, DateOnly To, int Symbols, int Ticks, string? Error = null, int CachedTicks = 0);
