namespace AltseasonLive.Api.Feeds;

/// <summary>
/// One live source: <see cref="State"/> is <c>connected</c>, <c>reconnecting</c>, <c>stale</c>, <c>disabled</c> or
/// <c>error</c> (with <see cref="Reason"/>); <see cref="LastMessage"/> UTC epoch ms or null; the message rate averages the
/// last 10 s; <see cref="Malformed"/> counts skipped messages; a connected source silent for more than
/// <see cref="StaleAfterMs"/> is stale.
/// </summary>
public sealed record SourceStatus(
    string Name,
    string State,
    string? Reason,
    long? LastMessage,
    double MessagesPerSecond,
    long Reconnects,
    long GapsBackfilled,
    long Malformed,
    long StaleAfterMs);
