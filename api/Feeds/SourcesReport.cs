using AltseasonLive.Feeds.Live.CoinGecko;

namespace AltseasonLive.Api.Feeds;

/// <summary>
/// <c>GET /api/sources</c>: the feed mode in effect (<c>Live</c>, <c>Demo</c> or <c>Off</c>; null while Auto is still
/// waiting for a live source), the configured one, whether demo data is shown, why, what the start-up backfill did,
/// CoinGecko's own <c>/global</c> total and dominances beside the product's (null before its first poll), and every live
/// source's health.
/// </summary>
public sealed record SourcesReport(
    string? Mode,
    string RequestedMode,
    bool Simulated,
    string? Reason,
    BackfillSummary? Backfill,
    GlobalCrossCheck? CrossCheck,
    IReadOnlyList<SourceStatus> Sources);
