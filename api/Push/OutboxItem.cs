using System.Collections.Immutable;

namespace AltseasonLive.Api.Push;

/// <summary>An ordered entry of a client's outgoing queue. Series updates are not queued: they are coalesced beside it.</summary>
internal abstract record OutboxItem;

internal sealed record SnapshotItem(SnapshotMessage Snapshot) : OutboxItem;

internal sealed record EventsItem(ImmutableArray<HubEvent> Events) : OutboxItem;

/// <summary>Send the events after <see cref="AfterSequence"/> from the log (or the recent events as a snapshot when null).</summary>
internal sealed record CatchUpItem(long? AfterSequence) : OutboxItem;
