namespace AltseasonLive.Api.Push;

/// <summary>An entry of a client's outgoing queue, written in order by the connection's writer loop.</summary>
internal abstract record OutboxItem;

internal sealed record SnapshotItem(SnapshotMessage Snapshot) : OutboxItem;

internal sealed record EventsItem(SharedEvents Batch) : OutboxItem;

internal sealed record SeriesItem(SharedSeries Batch) : OutboxItem;

/// <summary>Send the events after <see cref="AfterSequence"/> from the log (or the recent events as a snapshot when null).</summary>
internal sealed record CatchUpItem(long? AfterSequence) : OutboxItem;
