namespace AltseasonLive.Api.Feeds;

/// <summary>The start-up backfill in live mode: <see cref="Done"/> false while it runs; one item per source.</summary>
public sealed record BackfillSummary(bool Done, IReadOnlyList<BackfillItem> Items);

/// <summary>What one source backfilled: UTC days (yyyy-MM-dd, inclusive), symbols, daily ticks fetched and taken from the cache, or the error.</summary>
public sealed record BackfillItem(string Source, string From, string To, int Symbols, int Ticks, int CachedTicks, string? Error);
