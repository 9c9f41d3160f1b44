namespace AltseasonLive.Feeds.Live;

/// <summary>What one source backfilled at start: days (UTC dates, inclusive), symbols and ticks, or why it could not.</summary>
public sealed record BackfillReport(string Source, DateOnly From, DateOnly To, int Symbols, int Ticks, string? Error = null);
